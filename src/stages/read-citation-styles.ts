import { loadCitationStyles } from '../references/csl/citation-styles.js';
import { need, register } from '../pipeline.js';
import type { Stage } from '../pipeline.js';

/** The citation styles the config and the pages choose (built in, or `.csl` files of the project). */
export const readCitationStyles: Stage = async (site) => {
  const { config, file, yaml } = need(site, 'config');
  const { citations, files } = await loadCitationStyles({
    root: site.options.root,
    library: need(site, 'references'),
    site: config.citation_style === undefined ? undefined : { name: config.citation_style, file, place: yaml?.placeOf(['citation_style']) },
    byType: Object.entries(config.citation_styles).map(([type, name]) => ({ type, name, file, place: yaml?.placeOf(['citation_styles', type]) })),
    pages: need(site, 'pages'),
  });
  return { ...site, citations, inputs: register(site, files) };
};
