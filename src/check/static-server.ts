import { createReadStream } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveRequest } from '../dev/resolve-request.js';

/** A built site served on a local address, as a web host would serve it. */
export interface StaticServer {
  /** `http://127.0.0.1:<port>/` */
  readonly origin: string;
  close(): Promise<void>;
}

/** How to serve it. */
export interface ServeOptions {
  /**
   * The files do not change while it serves (`briefkit check`): the browser may keep what it
   * loaded (the stylesheets, scripts and fonts every page shares) instead of fetching and
   * decoding it again for each page. Off, nothing is kept: a test may rebuild the site.
   */
  readonly unchanging?: boolean;
}

/**
 * Serve a built site's folder on 127.0.0.1 (a free port), read-only: only files inside it,
 * a folder as its `index.html`, 404 for the rest. For `briefkit check` and tests, which load
 * pages in Chromium the way a reader gets them from a web host (search needs one: browsers
 * do not let a page from file:// load its index).
 */
export async function serveStatic(siteDir: string, options: ServeOptions = {}): Promise<StaticServer> {
  const caching = options.unchanging ? 'max-age=3600' : 'no-store';
  const server = createServer((request, response) => {
    void resolveRequest(siteDir, new URL(request.url ?? '/', 'http://localhost').pathname).then((resolved) => {
      if ('status' in resolved) {
        response.writeHead(resolved.status, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' }).end(resolved.reason);
        return;
      }
      response.writeHead(200, { 'content-type': resolved.type, 'cache-control': caching });
      createReadStream(resolved.file)
        .on('error', () => response.destroy())
        .pipe(response);
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
