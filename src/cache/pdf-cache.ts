import { readFile, stat } from 'node:fs/promises';
import { findChromium } from '../browser/find-chromium.js';
import type { OutputFile } from '../site.js';
import type { PdfInfo, PrintOptions, PrintResult, printPdfs } from '../stages/print-pdfs.js';
import { briefkitIdentity, hashOf, readEntry, writeEntry } from './cache-dir.js';

type Printer = typeof printPdfs;

/**
 * A printer that reuses PDFs printed before from the same document: a PDF is reprinted only
 * when what it is made of changed (its HTML, paper, metadata, any file the print page may
 * load, briefkit, or the browser). Kept in `<cache>/pdf/`, each checked before use.
 */
export function cachedPrinter(printer: Printer, dir: string): Printer {
  return async (jobs, options) => {
    const base = await baseKey(options);
    const keys = jobs.map((job) => hashOf([base, job.path, job.url, job.paper, JSON.stringify(job.metadata), job.html]));
    const found = await Promise.all(keys.map((key) => readEntry(dir, entryName(key))));
    const misses = jobs.filter((_, index) => !found[index]);
    const printed = misses.length > 0 ? await printer(misses, { ...options, progress: options.progress }) : { files: [], pdfs: new Map<string, PdfInfo>(), reprinted: 0 };
    const files: OutputFile[] = [...printed.files];
    const pdfs = new Map(printed.pdfs);
    const byPath = new Map(printed.files.map((file) => [file.path, file]));
    await Promise.all(
      jobs.map(async (job, index) => {
        const entry = found[index];
        if (entry) {
          const pages = entry.readUInt32BE(0);
          const content = entry.subarray(4);
          files.push({ path: job.path, content });
          pdfs.set(job.path, { path: job.path, bytes: content.byteLength, pages });
          return;
        }
        const file = byPath.get(job.path);
        const info = pdfs.get(job.path);
        if (!file || !info || !('content' in file) || typeof file.content === 'string') return;
        const pages = Buffer.alloc(4);
        pages.writeUInt32BE(info.pages);
        await writeEntry(dir, entryName(keys[index]!), Buffer.concat([pages, file.content]));
      }),
    );
    files.sort((a, b) => a.path.localeCompare(b.path));
    return { files, pdfs, reprinted: printed.reprinted } satisfies PrintResult;
  };
}

function entryName(key: string): string {
  return `pdf/${key.slice(0, 2)}/${key}.pdf`;
}

/** What every document of this run shares: briefkit, the browser, and the files print pages may load. */
async function baseKey(options: PrintOptions): Promise<string> {
  const browser = findChromium(options.env ?? process.env);
  const browserInfo = browser ? await stat(browser).catch(() => undefined) : undefined;
  const resources = await Promise.all(
    [...options.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(async ([path, file]) => {
      const bytes = 'copyFrom' in file ? await readFile(file.copyFrom).catch(() => Buffer.alloc(0)) : file.content;
      return `${path} ${hashOf([bytes])}`;
    }),
  );
  return hashOf([await briefkitIdentity(), `${browser} ${browserInfo?.size} ${browserInfo?.mtimeMs}`, ...resources]);
}
