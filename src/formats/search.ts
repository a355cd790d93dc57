import type { OutputFormat } from '../output/format.js';
import { indexSearch } from '../search/index-search.js';

/** Each edition's search index (Pagefind), of the web pages made before it. */
export const searchFormat: OutputFormat = {
  name: 'search',
  async emit(project, _made, emitting) {
    const { files, states } = await indexSearch(project, emitting.output.files);
    for (const file of files) emitting.output.add(file, 'the search index', project.config.file);
    for (const [folder, state] of states) emitting.search.set(folder, state);
  },
};
