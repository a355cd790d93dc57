import type { Emitting, OutputFormat } from '../output/format.js';
import { SearchFeeder } from '../search/search-feeder.js';

/** The feeder of each run's index, from `begin` to `emit`. */
const feeders = new WeakMap<Emitting, { readonly feeder: SearchFeeder; readonly stop: () => void }>();

/** Each edition's search index (Pagefind), of the web pages made before it: each page goes to Pagefind as it is made. */
export const searchFormat: OutputFormat = {
  name: 'search',
  begin(project, _made, emitting) {
    const feeder = new SearchFeeder(project);
    feeders.set(emitting, { feeder, stop: emitting.output.watch((file) => feeder.add(file)) });
  },
  async emit(project, _made, emitting) {
    // run/emit.ts begins every format before any emits.
    const feeding = feeders.get(emitting);
    if (!feeding) throw new Error('The search index was asked for before it was begun');
    feeding.stop();
    feeders.delete(emitting);
    const { files, states } = await feeding.feeder.finish();
    for (const file of files) emitting.output.add(file, 'the search index', project.config.file);
    for (const [folder, state] of states) emitting.search.set(folder, state);
  },
};
