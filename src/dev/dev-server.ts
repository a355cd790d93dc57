import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import type { Stats } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import { build } from '../build.js';
import { cacheFolder } from '../cache/cache-dir.js';
import { typesInWords } from '../content-types/index.js';
import { cachedPrinter } from '../cache/pdf-cache.js';
import { removeFilesFrom, writeFilesInto } from '../fs/write-atomic.js';
import { mediaType } from '../paths/media-type.js';
import { INPUT_FOLDERS } from '../project/input-folders.js';
import type { Run } from '../run/types.js';
import { formatReport } from '../report.js';
import type { OutputFile } from '../model/output-file.js';
import { printPdfs } from '../pdf/print-pdfs.js';
import { DEV_PREFIX, LIVE_SCRIPT, withLiveScript } from './live-script.js';
import { printOne, printRequest } from './print-on-demand.js';
import { PAGED_PATH, pagedPolyfill, previewDocument } from './print-preview.js';
import { allowedRequest } from './allowed-host.js';
import { resolveRequest, siteAddress } from './resolve-request.js';
import { pagesOfFile, shownProblems } from './shown-problems.js';
import type { ShownProblem } from './shown-problems.js';
import { update } from '../run/remake.js';

/** What `briefkit dev` is asked to do. */
export interface DevOptions {
  readonly root: string;
  /** 0 (the default): a free port. */
  readonly port?: number | undefined;
  /** Default 127.0.0.1: only this computer can see the site. */
  readonly host?: string | undefined;
  /** Preview this country's edition only (default: every edition). */
  readonly country?: string | undefined;
  /** Where the terminal report goes. */
  readonly log: (text: string) => void;
  readonly color?: boolean | undefined;
  /** What prints PDFs when they are asked for (tests count its calls). */
  readonly printer?: typeof printPdfs | undefined;
}

/** How long after the last change a rebuild starts: editors that save twice or by renaming cause one rebuild. */
const SETTLE_MS = 40;

/** briefkit's own files beside an output folder (a lock, a swap in progress) are not input. */
const OWN_FILES = /\.briefkit-/;

/** A file the watcher saw change. */
interface Change {
  readonly event: string;
  readonly path: string;
}

/**
 * A live preview: builds the site (every language and edition, without PDFs) into a folder
 * of its own, serves it on loopback, rebuilds when a project file changes and tells open
 * pages to reload. An edit to the text of a page is made in place (that page, in every
 * language and edition); anything else builds the whole site again. PDFs are printed when
 * asked for, and `?print` on a page lays it out as its PDF. A build with errors keeps the
 * last good site served and shows its problems over the pages they affect until they are
 * fixed; nothing the content does stops the server.
 */
export class DevServer {
  private problems: ShownProblem[] = [];
  /** The last good run, in memory, to update in place. */
  private kept: Run | undefined;
  /** Changes not built yet. */
  private pending: Change[] = [];
  /** PDFs printed since the last build, by address. */
  private readonly printed = new Map<string, Promise<{ bytes: Uint8Array } | { problem: string }>>();
  /** Files print documents load that the site does not have (print fonts), by address. */
  private readonly printFiles = new Map<string, OutputFile>();
  private printer: typeof printPdfs = printPdfs;
  /** Files the last build read from outside the input folders (logos): their folders are watched too. */
  private logos: readonly string[] | undefined;
  private readonly clients = new Set<ServerResponse>();
  private building: Promise<void> | undefined;
  private again = false;
  private timer: NodeJS.Timeout | undefined;
  private watcher: FSWatcher | undefined;
  private keepAlive: NodeJS.Timeout | undefined;
  /** How many builds finished (tests wait for the next one). */
  builds = 0;

  private constructor(
    private readonly options: DevOptions,
    private readonly siteDir: string,
    private readonly server: Server,
  ) {}

  /** Build once, then serve and watch. */
  static async start(options: DevOptions): Promise<DevServer> {
    const root = resolve(options.root);
    // The preview's site is in a folder only this user can read, new for each run (mkdtemp
    // makes it 0700 with an unpredictable name): never one another user could have made.
    const siteDir = join(await mkdtemp(join(tmpdir(), 'briefkit-dev-')), 'site');
    const server = createServer();
    const dev = new DevServer({ ...options, root }, siteDir, server);
    const cacheDir = await cacheFolder(root);
    const printer = options.printer ?? printPdfs;
    // PDFs whose documents did not change are taken from the cache, as in a build.
    dev.printer = cacheDir ? cachedPrinter(printer, cacheDir) : printer;
    server.on('request', (request, response) => void dev.answer(request, response));
    await dev.rebuild();
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
    });
    // What a build reads: the files at the top of the project, its input folders, and the
    // folders of its logos; not the rest (an output folder, node_modules, a benchmark's files).
    const folders = new Set([...INPUT_FOLDERS, ...(dev.logos ?? []).map((path) => relative(root, path).split(sep)[0]!)]);
    const ignored = (path: string, stats?: Stats) => {
      const inside = relative(root, path);
      if (inside === '') return false;
      const parts = inside.split(sep);
      if (OWN_FILES.test(path) || parts[0] === '..') return true;
      return parts.length > 1 ? !folders.has(parts[0]!) : stats?.isDirectory() === true && !folders.has(parts[0]!);
    };
    dev.watcher = watch(root, { ignored, ignoreInitial: true });
    // A watcher's problem (too many files to watch, a folder that went away) is told, not fatal.
    dev.watcher.on('error', (reason) => options.log(`briefkit dev: watching for changes: ${(reason as Error).message}\n`));
    dev.watcher.on('all', (event, path) => {
      dev.pending.push({ event, path });
      dev.schedule();
    });
    // Until the first scan is done a save could go unnoticed: the preview is ready only then.
    await new Promise<void>((done) => dev.watcher!.once('ready', () => done()));
    // A comment now and then keeps the event stream open through idle time-outs.
    dev.keepAlive = setInterval(() => {
      for (const client of dev.clients) client.write(': still here\n\n');
    }, 30_000);
    dev.keepAlive.unref();
    return dev;
  }

  /** The address the site is served at. */
  get url(): string {
    const address = this.server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}/`;
  }

  /** Wait until no build is running or about to. */
  async settled(): Promise<void> {
    while (this.timer || this.building) {
      await (this.building ?? new Promise((done) => setTimeout(done, SETTLE_MS)));
    }
  }

  async close(): Promise<void> {
    clearInterval(this.keepAlive);
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.watcher?.close();
    for (const client of this.clients) client.end();
    await this.building;
    await Promise.allSettled(this.printed.values());
    // Connections a browser tab keeps open would hold close() until the tab goes: end them.
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    this.server.closeAllConnections();
    await closed;
    // The preview's site is its own: it goes with it.
    await rm(dirname(this.siteDir), { recursive: true, force: true });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.rebuild();
    }, SETTLE_MS);
  }

  private async rebuild(): Promise<void> {
    if (this.building) {
      this.again = true;
      return this.building;
    }
    this.building = (async () => {
      do {
        this.again = false;
        await this.buildOnce();
      } while (this.again);
    })().finally(() => {
      this.building = undefined;
    });
    return this.building;
  }

  private async buildOnce(): Promise<void> {
    const { root, log } = this.options;
    const started = performance.now();
    const changes = this.pending.splice(0);
    try {
      // Only the text of pages changed, and the site as built is sound: those pages are made again, and the search index.
      const quick =
        this.kept && this.problems.length === 0 && changes.length > 0 && changes.every((change) => change.event === 'change')
          ? await update(
              this.kept,
              changes.map((change) => change.path),
            )
          : undefined;
      if (quick) {
        const report = formatReport(quick.files, { cwd: root, color: this.options.color });
        if (report) log(`${report}\n`);
        if (quick.ok) {
          await writeFilesInto(this.siteDir, quick.changed);
          this.kept = quick.run;
          this.printed.clear();
          log(`Updated ${quick.pages.length === 1 ? 'one page' : `${quick.pages.length} pages`} in ${Math.round(performance.now() - started)} ms\n`);
          this.send('reload', JSON.stringify({ pages: quick.pages }));
          // Then the search index: the page shows at once, and search finds its new text a moment later.
          const search = await quick.search();
          await writeFilesInto(this.siteDir, search.files);
          // The parts of the old index the new one no longer has (a page's old text) go.
          await removeFilesFrom(this.siteDir, search.gone);
        } else {
          this.fail(await shownProblems(quick.files, root, () => quick.pages));
        }
      } else {
        await this.buildAll(started);
      }
    } catch (reason) {
      // Whatever a build throws, the preview goes on.
      this.fail([
        {
          where: root,
          severity: 'error',
          reason: `The build stopped: ${(reason as Error).message}`,
          hint: 'Save the file again to retry.',
          line: undefined,
          pages: undefined,
        },
      ]);
      log(`briefkit dev: the build stopped: ${(reason as Error).message}\n`);
    }
    this.builds++;
  }

  /** Build the whole site again (every language and edition, no PDFs), keeping the run in memory. */
  private async buildAll(started: number): Promise<void> {
    const { root, country, log } = this.options;
    let run: Run | undefined;
    const result = await build({
      root,
      out: this.siteDir,
      pdf: false,
      preview: true,
      allCountries: country === undefined,
      country,
      keep: (kept) => (run = kept),
    });
    const report = formatReport(result.files, { cwd: root, color: this.options.color });
    if (report) log(`${report}\n`);
    this.logos = result.elsewhere ?? this.logos;
    if (result.written) {
      this.kept = run;
      this.problems = [];
      this.printed.clear();
      log(`Built in ${Math.round(performance.now() - started)} ms: ${this.builds === 0 ? 'serving' : 'reloading open pages'}\n`);
      this.send('reload', JSON.stringify({ pages: null }));
    } else {
      const kept = this.kept;
      this.fail(await shownProblems(result.files, root, (file) => (kept ? pagesOfFile(kept, file) : undefined)));
    }
  }

  /** Show problems over the pages they affect; the last good version stays served. */
  private fail(problems: ShownProblem[]): void {
    this.problems = problems;
    this.options.log('Not rebuilt: the browser shows the problems until they are fixed; the last good version is still served.\n');
    this.send('problems', JSON.stringify(this.problems));
  }

  /** A PDF, printed now (once per build: asking again gets the same one) if the site has a page that prints there. */
  private async sendPdf(request: IncomingMessage, response: ServerResponse, address: string): Promise<void> {
    // Printed from the run kept in memory, which an update replaces only once its pages are
    // written: a PDF asked for in between (by a reader who saw the new page) would be old.
    await this.settled();
    let printing = this.printed.get(address);
    if (!printing) {
      const kept = this.kept;
      const wanted = kept && (await printRequest(kept, address, 'pdf'));
      if (!wanted) return plain(response, 404, 'No page of the site prints to this PDF.');
      for (const [path, file] of wanted.resources) this.printFiles.set(path, file);
      this.options.log(`Printing ${address}…\n`);
      printing = printOne(wanted, this.printer);
      this.printed.set(address, printing);
    }
    const printed = await printing;
    if ('problem' in printed) {
      this.printed.delete(address);
      return plain(response, 500, `The PDF could not be printed: ${printed.problem}`);
    }
    send(request, response, 'application/pdf', printed.bytes);
  }

  /** `?print` on a page: its print document laid out in pages in the browser, as the PDF will be. */
  private async printPreview(response: ServerResponse, address: string): Promise<void> {
    await this.settled();
    const wanted = this.kept && (await printRequest(this.kept, address, 'page'));
    if (!wanted) return plain(response, 404, `This page has no PDF, so it has no print preview: ${typesInWords('printed', 'all')} do.`);
    for (const [path, file] of wanted.resources) this.printFiles.set(path, file);
    const html = Buffer.from(previewDocument(wanted.job, `/${wanted.job.path}`));
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': html.byteLength, 'cache-control': 'no-store' });
    response.end(html);
  }

  private send(event: string, data: string): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
      if (!allowedRequest(request.headers, this.options.host))
        return plain(
          response,
          403,
          'briefkit dev answers only requests to this machine by its own names (localhost, its address, or --host), from its own pages.',
        );
      if (request.method !== 'GET' && request.method !== 'HEAD') return plain(response, 405, 'Only GET and HEAD.');
      const path = request.url ?? '/';
      if (path === `${DEV_PREFIX}live.js`) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        return void response.end(LIVE_SCRIPT);
      }
      if (path === `${DEV_PREFIX}events`) {
        response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
        response.write(this.problems.length ? `event: problems\ndata: ${JSON.stringify(this.problems)}\n\n` : 'event: ok\ndata: {}\n\n');
        this.clients.add(response);
        request.on('close', () => this.clients.delete(response));
        return;
      }
      if (path === PAGED_PATH) {
        response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' });
        return void response.end(await pagedPolyfill());
      }
      const found = await resolveRequest(this.siteDir, path);
      const query = new URL(path, 'http://preview').searchParams;
      if (!('status' in found) && query.has('print') && found.address.endsWith('.html')) return await this.printPreview(response, found.address);
      if ('status' in found) {
        if (found.status === 404) {
          const named = siteAddress(path);
          if ('address' in named && named.address.endsWith('.pdf')) return await this.sendPdf(request, response, named.address);
          const extra = 'address' in named ? this.printFiles.get(named.address) : undefined;
          if (extra) return send(request, response, mediaType(extra.path), 'content' in extra ? Buffer.from(extra.content) : await readFile(extra.copyFrom));
        }
        // A page address answers with a page, so the reload script (and any build problems) reach it.
        if (found.status === 404 && /text\/html/.test(request.headers.accept ?? '')) return missingPage(response, found.reason, this.problems.length > 0);
        return plain(response, found.status, found.reason);
      }
      const body = await readFile(found.file);
      const html = found.type.startsWith('text/html');
      send(request, response, found.type, html ? Buffer.from(withLiveScript(body.toString('utf8'))) : body);
    } catch (reason) {
      plain(response, 500, `briefkit dev could not answer: ${(reason as Error).message}`);
    }
  }
}

/** Send a file's bytes, never cached (the next build may change them). */
function send(request: IncomingMessage, response: ServerResponse, type: string, body: Buffer | Uint8Array): void {
  response.writeHead(200, { 'content-type': type, 'content-length': body.byteLength, 'cache-control': 'no-store' });
  response.end(request.method === 'HEAD' ? undefined : body);
}

/** A page for an address the site does not have (yet): it reloads by itself when the site is built. */
function missingPage(response: ServerResponse, reason: string, failing: boolean): void {
  const text = failing ? 'The site could not be built: the problems are listed over this page.' : reason;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="briefkit-missing" content=""><title>Not found: briefkit preview</title></head><body><main><h1>Not found</h1><p>${text}</p><p><a href="/">Home page</a></p></main></body></html>`;
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(withLiveScript(html));
}

function plain(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}
