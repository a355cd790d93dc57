import { contentType } from '../content-types/index.js';
import { slidesJob } from '../pdf/slides.js';
import { makesPdfs } from '../stages/print-editions.js';
import type { OutputFormat } from '../output/format.js';

/** The key messages of each page that has a share page, as slides (when it has some): shared with its main PDF. */
export const slidesFormat: OutputFormat = {
  name: 'slides',
  runs: makesPdfs,
  async printJobs(local, { input }) {
    if (!contentType(local.page.kind)?.print?.share) return [];
    const job = await slidesJob(input, local);
    return job ? [job] : [];
  },
};
