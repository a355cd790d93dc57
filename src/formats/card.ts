import { contentType } from '../content-types/index.js';
import { cardJob } from '../pdf/preview-card.js';
import { makesPdfs } from '../stages/print-editions.js';
import type { OutputFormat } from '../output/format.js';

/** The link-preview image of each page that has a share page (`og:image`), printed as a PNG. */
export const cardFormat: OutputFormat = {
  name: 'card',
  runs: makesPdfs,
  async printJobs(local, { input }) {
    return contentType(local.page.kind)?.print?.share ? [cardJob(input, local)] : [];
  },
};
