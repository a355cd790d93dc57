import type { OutputFormat } from '../output/format.js';
import { indexSearch } from '../stages/index-search.js';

/** Each edition's search index (Pagefind), of the web pages made before it. */
export const searchFormat: OutputFormat = {
  name: 'search',
  async emit(project, _made, emitting) {
    for (const file of await indexSearch(project, emitting.output.files)) emitting.output.add(file, 'the search index', project.config.file);
  },
};
