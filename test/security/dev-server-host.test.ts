/**
 * Issue 27, item 2: `briefkit dev` answered requests under any host name, so a web page
 * could rebind its own name to 127.0.0.1 and read drafts and the problem stream (which
 * quotes source lines). It answers only its own names now, and only its own pages' requests;
 * its site is in a private folder, new for each run.
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/dev-server.js';
import { caseStudy, makeProject } from '../helpers/project.js';

let server: DevServer;
let port: number;
let root: string;

beforeAll(async () => {
  root = await makeProject({ 'briefkit.config.yaml': 'languages: [en]\n', 'briefings/case-studies/a.md': caseStudy({ title: 'A draft' }, 'Draft text.\n') });
  server = await DevServer.start({ root, log: () => undefined });
  port = Number(new URL(server.url).port);
});

afterAll(async () => server?.close());

/** The status of a GET with these headers (Host as a browser sends it). */
function get(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const sent = request({ host: '127.0.0.1', port, path, headers }, (response) => {
      resolve(response.statusCode ?? 0);
      response.destroy();
    });
    sent.on('error', reject);
    sent.end();
  });
}

describe('issue 27: the preview answers only its own names', () => {
  it('refuses a foreign Host (DNS rebinding), in any spelling, and answers its own', async () => {
    for (const host of ['evil.example', `evil.example:${port}`, `EVIL.example:${port}`, `localhost.evil.example:${port}`, `127.0.0.1.nip.io:${port}`]) {
      expect(await get('/en/case-studies/a/', { host }), host).toBe(403);
    }
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `preview.localhost:${port}`, `[::1]:${port}`]) {
      expect(await get('/en/case-studies/a/', { host }), host).toBe(200);
    }
  });

  it('refuses the event stream and pages to a page of another origin', async () => {
    expect(await get('/__briefkit/events', { host: `127.0.0.1:${port}`, origin: 'http://evil.example' })).toBe(403);
    expect(await get('/__briefkit/events', { host: `127.0.0.1:${port}`, origin: 'null' })).toBe(403);
    expect(await get('/en/case-studies/a/', { host: `127.0.0.1:${port}`, origin: `http://attacker.localhost.evil.example:${port}` })).toBe(403);
    expect(await get('/__briefkit/events', { host: `127.0.0.1:${port}`, origin: `http://127.0.0.1:${port}` })).toBe(200);
  });

  it('builds into a private folder of its own, new for each run, and removes it when it stops', async () => {
    // A temporary folder of this test's own: other previews (other test files, another run) make theirs meanwhile.
    const own = await mkdtemp(join(tmpdir(), 'dev-server-host-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const second = await DevServer.start({ root, log: () => undefined });
      const made = (await readdir(own)).filter((name) => name.startsWith('briefkit-dev-'));
      expect(made).toHaveLength(1);
      expect((await stat(join(own, made[0]!))).mode & 0o777).toBe(0o700);
      await second.close();
      expect(await readdir(own)).toEqual([]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(own, { recursive: true, force: true });
    }
  });
});
