import { checkOutputDir } from '../fs/check-output-dir.js';
import { error } from '../messages.js';
import type { Stage } from '../pipeline.js';

/** Whether the output folder may be used: checked first, before anything is rendered or printed. */
export const checkOutput: Stage = async (site) => {
  const refusal = await checkOutputDir(site.options.root, site.options.outDir);
  if (refusal) error(site.run, { reason: refusal, rule: 'output-folder', hint: 'Choose another folder with --out.' });
  return site;
};
