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
    let feeding = feeders.get(emitting);
    if (!feeding) {
      // Not begun (a run that called emit alone): the pages made so far, in order.
      const feeder = new SearchFeeder(project);
      for (const file of emitting.output.files) feeder.add(file);
      feeding = { feeder, stop: () => undefined };
    }
    feeding.stop();
    feeders.delete(emitting);
    const { files, states } = await feeding.feeder.finish();
    for (const file of files) emitting.output.add(file, 'the search index', project.config.file);
    for (const [folder, state] of states) emitting.search.set(folder, state);
  },
};
