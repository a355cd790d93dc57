import { VFile } from 'vfile';
import { contentType } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import type { Run } from '../run/types.js';
import { OUTPUT_FORMATS } from '../formats/index.js';
import { pdfPath } from '../pdf/print-document.js';
import { printJobs } from '../pdf/print-jobs.js';
import type { PrintJob } from '../pdf/print-document.js';
import { slidesPath } from '../pdf/slides.js';
import type { OutputFile } from '../model/output-file.js';
import { logoName, printResources } from '../stages/print-editions.js';
import { languageInput } from '../stages/render-editions.js';
import type { printPdfs } from '../pdf/print-pdfs.js';

/** A document the preview can print or lay out: its print job and the files its page loads. */
export interface PrintRequest {
  readonly job: PrintJob;
  /** Files the print page may load, by path from the site's root. */
  readonly resources: ReadonlyMap<string, OutputFile>;
}

/**
 * The print document behind an address of the preview: a PDF's own address
 * (`en/briefings/x/x.en.pdf`), or with `page` a web page's (`en/briefings/x/index.html`,
 * giving the page's first PDF). Undefined when no page of the run prints there.
 */
export async function printRequest(
  { project, made: { pages: made, render }, emitted }: Run,
  address: string,
  kind: 'pdf' | 'page',
): Promise<PrintRequest | undefined> {
  for (const [edition, pages] of made) {
    if (!address.startsWith(edition.prefix)) continue;
    const rest = address.slice(edition.prefix.length);
    // The most specific edition first: a country's folder is inside the international one.
    if (edition.prefix === '' && [...made.keys()].some((other) => other.prefix !== '' && address.startsWith(other.prefix))) continue;
    const lang = rest.split('/')[0]!;
    if (!edition.languages.includes(lang)) return undefined;
    const local = pages.find((candidate) => {
      if (candidate.lang !== lang) return false;
      const print = contentType(candidate.page.kind)?.print;
      if (!print) return false;
      if (kind === 'page') return rest === `${lang}/${candidate.page.outputPath}`;
      return (
        (print.variants ?? ONE_PDF).some((variant) => pdfPath(candidate, variant.suffix, edition) === rest) ||
        (print.share === true && slidesPath(candidate, edition) === rest)
      );
    });
    if (!local) return undefined;
    const jobs = await printJobs(
      OUTPUT_FORMATS,
      languageInput(project, render, emitted.pdfs, OUTPUT_FORMATS, edition, lang, pages),
      (candidate) => candidate === local,
    );
    const job = kind === 'page' ? jobs[0] : jobs.find((candidate) => candidate.path === address);
    if (!job) return undefined;
    const resources = printResources(edition, project.fonts, project.templates.assets, project.logos.get(edition), logoName(project.logos, edition), pages);
    // Problems printing go on a file of their own, not on the page the run keeps.
    return { job: { ...job, file: new VFile({ path: job.file.path, cwd: job.file.cwd }) }, resources };
  }
  return undefined;
}

/** Print one document: its bytes, or the problem that stopped it (as the build would report it). */
export async function printOne(request: PrintRequest, printer: typeof printPdfs): Promise<{ bytes: Uint8Array } | { problem: string }> {
  const report = new VFile({ path: request.job.path });
  const printed = await printer([request.job], { files: request.resources, siteFile: report });
  const file = printed.files[0];
  if (file && 'content' in file && typeof file.content !== 'string') return { bytes: file.content };
  const problems = [...report.messages, ...request.job.file.messages];
  return { problem: problems.map((message) => `${message.reason}${message.note ? ` (${message.note})` : ''}`).join('\n') || 'The PDF could not be printed.' };
}
