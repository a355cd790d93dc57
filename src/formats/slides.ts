import { wants } from '../content-types/index.js';
import { slidesJob } from '../pdf/slides.js';
import { makesPdfs } from '../stages/print-editions.js';
import type { OutputFormat } from '../output/format.js';

const name = 'slides';

/** The key messages of each page whose type names them, as slides (when it has some): shared with its main PDF on its share page. */
export const slidesFormat: OutputFormat = {
  name,
  runs: makesPdfs,
  async printJobs(local, { input }) {
    if (!wants(local.page, name)) return [];
    const job = await slidesJob(input, local);
    return job ? [job] : [];
  },
};
