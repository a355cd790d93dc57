import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { watch } from 'chokidar';
import type { FSWatcher } from 'chokidar';
import type { VFile } from 'vfile';
import { build } from '../build.js';
import { hashOf } from '../cache/cache-dir.js';
import { formatReport } from '../report.js';
import { DEV_PREFIX, LIVE_SCRIPT, withLiveScript } from './live-script.js';
import { resolveRequest } from './resolve-request.js';

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
}

/** A problem as the browser overlay shows it. */
export interface ShownProblem {
  readonly where: string;
  readonly severity: 'error' | 'warning';
  readonly reason: string;
  readonly hint: string | undefined;
  /** The line of the file the problem is on, as written. */
  readonly line: string | undefined;
}

/** How long after the last change a rebuild starts: editors that save twice or by renaming cause one rebuild. */
const SETTLE_MS = 120;

/** Folders and files of a project that never change the site. */
const IGNORED = /(^|[\\/])(node_modules|\.git|\.briefkit-cache|dist)([\\/]|$)|\.briefkit-/;

/**
 * A live preview: builds the site (every language and edition, without PDFs) into a folder
 * of its own, serves it on loopback, rebuilds when a project file changes and tells open
 * pages to reload. A build with errors keeps the last good site served and shows its
 * problems over every page until they are fixed; nothing the content does stops the server.
 */
export class DevServer {
  private problems: ShownProblem[] = [];
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
    const siteDir = join(tmpdir(), `briefkit-dev-${hashOf([root, options.country ?? '']).slice(0, 16)}`);
    const server = createServer();
    const dev = new DevServer({ ...options, root }, siteDir, server);
    server.on('request', (request, response) => void dev.answer(request, response));
    await dev.rebuild();
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => done());
    });
    dev.watcher = watch(root, { ignored: (path) => IGNORED.test(relative(root, path)), ignoreInitial: true });
    dev.watcher.on('all', () => dev.schedule());
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
    await new Promise<void>((done) => this.server.close(() => done()));
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
    const { root, country, log } = this.options;
    const started = performance.now();
    try {
      const result = await build({ root, out: this.siteDir, pdf: false, allCountries: country === undefined, country });
      const report = formatReport(result.files, { cwd: root, color: this.options.color });
      if (report) log(`${report}\n`);
      if (result.written) {
        this.problems = [];
        if (!result.unchanged || this.builds === 0) log(`Built in ${Math.round(performance.now() - started)} ms: ${this.builds === 0 ? 'serving' : 'reloading open pages'}\n`);
        this.send('reload', '{}');
      } else {
        this.problems = await shownProblems(result.files, root);
        log('Not rebuilt: the browser shows the problems until they are fixed; the last good version is still served.\n');
        this.send('problems', JSON.stringify(this.problems));
      }
    } catch (reason) {
      // Whatever a build throws, the preview goes on.
      this.problems = [{ where: root, severity: 'error', reason: `The build stopped: ${(reason as Error).message}`, hint: 'Save the file again to retry.', line: undefined }];
      log(`briefkit dev: the build stopped: ${(reason as Error).message}\n`);
      this.send('problems', JSON.stringify(this.problems));
    }
    this.builds++;
  }

  private send(event: string, data: string): void {
    for (const client of this.clients) client.write(`event: ${event}\ndata: ${data}\n\n`);
  }

  private async answer(request: IncomingMessage, response: ServerResponse): Promise<void> {
    try {
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
      const found = await resolveRequest(this.siteDir, path);
      if ('status' in found) {
        // A page address answers with a page, so the reload script (and any build problems) reach it.
        if (found.status === 404 && /text\/html/.test(request.headers.accept ?? '')) return missingPage(response, found.reason, this.problems.length > 0);
        return plain(response, found.status, found.reason);
      }
      const body = await readFile(found.file);
      const html = found.type.startsWith('text/html');
      const sent = html ? Buffer.from(withLiveScript(body.toString('utf8'))) : body;
      response.writeHead(200, { 'content-type': found.type, 'content-length': sent.byteLength, 'cache-control': 'no-store' });
      response.end(request.method === 'HEAD' ? undefined : sent);
    } catch (reason) {
      plain(response, 500, `briefkit dev could not answer: ${(reason as Error).message}`);
    }
  }
}

/** A page for an address the site does not have (yet): it reloads by itself when the site is built. */
function missingPage(response: ServerResponse, reason: string, failing: boolean): void {
  const text = failing ? 'The site could not be built: the problems are listed over this page.' : reason;
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found: briefkit preview</title></head><body><main><h1>Not found</h1><p>${text}</p><p><a href="/">Home page</a></p></main></body></html>`;
  response.writeHead(404, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  response.end(withLiveScript(html));
}

function plain(response: ServerResponse, status: number, text: string): void {
  if (response.headersSent) return void response.end();
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
  response.end(`${text}\n`);
}

/** The errors of a failed build, each with the line it is on. */
async function shownProblems(files: readonly VFile[], root: string): Promise<ShownProblem[]> {
  const problems: ShownProblem[] = [];
  for (const file of files) {
    const errors = file.messages.filter((message) => message.fatal === true);
    if (errors.length === 0) continue;
    const lines = await readFile(file.path, 'utf8').then(
      (text) => text.split(/\r?\n/),
      () => [] as string[],
    );
    const path = relative(root, file.path) || file.path;
    for (const message of errors) {
      problems.push({
        where: message.line ? `${path}:${message.line}:${message.column ?? 1}` : path,
        severity: 'error',
        reason: message.reason,
        hint: message.note,
        line: message.line ? lines[message.line - 1] : undefined,
      });
    }
  }
  return problems;
}
