import { readFile, readdir, rm, stat, utimes } from 'node:fs/promises';
import { join } from 'node:path';
import { findChromium } from '../browser/find-browser.js';
import type { OutputFile } from '../model/output-file.js';
import type { PrintOptions, PrintResult, printPdfs } from '../pdf/print-pdfs.js';
import type { PdfInfo } from '../model/pdf.js';
import { briefkitIdentity, hashOf, readEntry, writeEntry } from './cache-dir.js';

type Printer = typeof printPdfs;

/**
 * A printer that reuses PDFs printed before from the same document: a PDF is reprinted only
 * when what it is made of changed (its HTML, paper, metadata, any file the print page may
 * load, briefkit, or the browser). Kept in `<cache>/pdf/`, each checked before use.
 */
export function cachedPrinter(printer: Printer, cacheDir: string): Printer {
  return async (jobs, options) => {
    const identity = await briefkitIdentity();
    // Each briefkit keeps its own folder: a new version's first build removes the old one's PDFs.
    const root = join(cacheDir, 'pdf');
    const dir = join(root, identity.slice(0, 16));
    await removeOthers(root, identity.slice(0, 16));
    const base = await baseKey(options, identity);
    const keys = jobs.map((job) => hashOf([base, job.path, job.url, job.paper, JSON.stringify(job.metadata), job.html]));
    const found = await Promise.all(keys.map((key) => readEntry(dir, entryName(key))));
    // Used now: kept for another AGE_LIMIT (entries nobody used for that long are removed).
    const now = new Date();
    await Promise.all(keys.map((key, index) => (found[index] ? utimes(join(dir, entryName(key)), now, now).catch(() => undefined) : undefined)));
    await removeOld(dir, now.getTime());
    const misses = jobs.filter((_, index) => !found[index]);
    const printed =
      misses.length > 0 ? await printer(misses, { ...options, progress: options.progress }) : { files: [], pdfs: new Map<string, PdfInfo>(), reprinted: 0 };
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
  return `${key.slice(0, 2)}/${key}.pdf`;
}

/** PDFs not used for this long are removed from the cache (a document edited since, say). */
const AGE_LIMIT = 14 * 24 * 60 * 60 * 1000;

async function removeOld(dir: string, now: number): Promise<void> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const info = await stat(join(dir, name)).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > AGE_LIMIT) await rm(join(dir, name), { force: true });
    }),
  );
}

async function removeOthers(root: string, keep: string): Promise<void> {
  const names = await readdir(root).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => name !== keep).map((name) => rm(join(root, name), { recursive: true, force: true })));
}

/** What every document of this run shares: briefkit, the browser, and the files print pages may load. */
async function baseKey(options: PrintOptions, identity: string): Promise<string> {
  const browser = findChromium(options.env ?? process.env, options.browser);
  const browserInfo = browser ? await stat(browser).catch(() => undefined) : undefined;
  const resources = await Promise.all(
    [...options.files]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(async ([path, file]) => {
        const bytes = 'copyFrom' in file ? await readFile(file.copyFrom).catch(() => Buffer.alloc(0)) : file.content;
        return `${path} ${hashOf([bytes])}`;
      }),
  );
  return hashOf([identity, `${browser} ${browserInfo?.size} ${browserInfo?.mtimeMs}`, ...resources]);
}
