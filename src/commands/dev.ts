import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DevServer } from '../dev/dev-server.js';
import { openBrowser } from '../dev/open-browser.js';
import type { CommandIo } from './io.js';

export const DEV_HELP = `briefkit dev: a live preview of the site while you write

Usage:
  briefkit dev [--root DIR] [--port N] [--host H] [--country C] [--open]

  --root DIR    The project folder (default: the current folder)
  --port N      The port to serve on (default: a free one)
  --host H      Serve to other computers on this address (default 127.0.0.1: only this
                computer can see the preview)
  --country C   Preview only this country's edition (default: every edition)
  --open        Open the preview in your browser

Builds the site (every language, no PDFs) and serves it; every time you save a file it
builds again and open pages reload. A file with an error shows its problems over the page,
with the file, line and column, until you fix it. Stop with Ctrl-C.`;

/** `briefkit dev …`: serves until interrupted; returns the exit code. */
export async function runDev(argv: readonly string[], io: CommandIo, stopped: Promise<unknown> = interrupted()): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      country: { type: 'string' },
      open: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${DEV_HELP}\n`);
    return 0;
  }
  if (positionals.length > 0 || (values.port !== undefined && !/^\d{1,5}$/.test(values.port))) {
    const problem = positionals.length > 0 ? `unexpected "${positionals.join(' ')}"` : `--port takes a number, e.g. --port 8080, not "${values.port}"`;
    io.stderr.write(`briefkit dev: ${problem}\n\n${DEV_HELP}\n`);
    return 2;
  }
  const server = await DevServer.start({
    root: resolve(io.cwd, values.root ?? '.'),
    port: values.port === undefined ? 0 : Number(values.port),
    host: values.host,
    country: values.country,
    log: (text) => io.stderr.write(text),
    color: io.color,
  });
  io.stdout.write(`Preview: ${server.url}  (Ctrl-C to stop)\n`);
  if (values.open && !(await openBrowser(server.url))) io.stderr.write(`Could not open a browser: open ${server.url} yourself.\n`);
  if (values.host !== undefined) io.stderr.write(`Serving on ${values.host}: other computers that can reach this address can see the preview.\n`);
  await stopped;
  await server.close();
  return 0;
}

function interrupted(): Promise<unknown> {
  return new Promise((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
}
