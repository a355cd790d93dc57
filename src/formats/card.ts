import { wants } from '../content-types/index.js';
import { cardJob } from '../pdf/preview-card.js';
import { makesPdfs } from '../stages/print-editions.js';
import type { OutputFormat } from '../output/format.js';

const name = 'card';

/** The link-preview image (`og:image`) of each page whose type names it, printed as a PNG. */
export const cardFormat: OutputFormat = {
  name,
  runs: makesPdfs,
  async printJobs(local, { input }) {
    return wants(local.page, name) ? [cardJob(input, local)] : [];
  },
};
