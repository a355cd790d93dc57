import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import type { VFile } from 'vfile';
import { error } from '../messages.js';
import type { OutputFile } from '../model/output-file.js';
import type { PdfInfo } from '../model/pdf.js';
import type { PrintJob } from './print-document.js';

/** The first bytes of every PNG file. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/**
 * The PDFs (and link-preview images) of these jobs as other machines printed them
 * (`briefkit pdf --shard I/N`, their output folders merged into `folder`): taken as they are,
 * so the site links them with their real size and page count. A missing or broken one is an
 * error on the run.
 */
export async function collectShards(jobs: readonly PrintJob[], folder: string, report: VFile): Promise<{ files: OutputFile[]; pdfs: Map<string, PdfInfo> }> {
  const files: OutputFile[] = [];
  const pdfs = new Map<string, PdfInfo>();
  for (const job of jobs) {
    const bytes = await readFile(join(folder, job.path)).catch(() => undefined);
    // A link-preview image is a PNG (one picture); a document is a PDF that loads.
    const pages = job.card
      ? bytes?.subarray(0, 8).equals(PNG_SIGNATURE)
        ? 1
        : undefined
      : bytes && bytes.subarray(0, 1024).includes('%PDF-')
        ? await PDFDocument.load(bytes, { updateMetadata: false }).then(
            (document) => document.getPageCount(),
            () => undefined,
          )
        : undefined;
    if (!bytes || pages === undefined) {
      error(report, {
        reason: `${bytes ? `Not a readable ${job.card ? 'PNG' : 'PDF'}` : `No ${job.card ? 'preview image' : 'PDF'}`} at ${join(folder, job.path)}`,
        rule: 'pdf-shard-missing',
        hint: 'Run briefkit pdf --shard I/N for every I from 1 to N with the same content, and put all their output folders together in this one.',
      });
      continue;
    }
    files.push({ path: job.path, content: bytes });
    pdfs.set(job.path, { path: job.path, bytes: bytes.byteLength, pages });
  }
  return { files, pdfs };
}
