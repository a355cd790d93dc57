import type { LoadedConfig } from '../config/load.js';
import type { Page } from '../model/page.js';
import { loadCitationStyles } from '../references/csl/citation-styles.js';
import type { Citations } from '../references/csl/citations.js';
import type { ReferenceLibrary } from '../references/library.js';
import type { Read } from './read-project.js';

/** The citation styles the config and the pages choose (built in, or `.csl` files of the project). */
export async function readCitationStyles(
  root: string,
  { config, file, yaml }: LoadedConfig,
  library: ReferenceLibrary,
  pages: readonly Page[],
): Promise<Read<Citations>> {
  const { citations, files } = await loadCitationStyles({
    root,
    library,
    site: config.citation_style === undefined ? undefined : { name: config.citation_style, file, place: yaml?.placeOf(['citation_style']) },
    byType: Object.entries(config.citation_styles).map(([type, name]) => ({ type, name, file, place: yaml?.placeOf(['citation_styles', type]) })),
    pages,
  });
  return { value: citations, files };
}
