/**
 * Issue 27, item 3: `refs add` fetched loopback and private addresses and followed redirects
 * there, so an internal page's title and body landed in references.yaml and its cache, which
 * users commit. Every hop is checked now, redirects are capped. Variants of my own: decimal,
 * hex and IPv4-mapped IPv6 spellings of 127.0.0.1, cloud metadata, CGNAT, IPv6 link-local
 * and unique-local, a name that resolves to loopback, a non-web scheme, a redirect loop.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isPrivateAddress, refusedAddress } from '../../src/references/fetch/public-address.js';
import { fetchPublic } from '../../src/references/fetch/public-request.js';
import { fromWebPage } from '../../src/references/fetch/web-page.js';
import { briefkit } from '../helpers/cli.js';
import { listTree, makeProject, readText } from '../helpers/project.js';

let base: string;
let close: () => void;
beforeAll(async () => {
  const server = createServer((request, response) => {
    if (request.url === '/loop') return void response.writeHead(302, { location: '/loop' }).end();
    response.writeHead(200, { 'content-type': 'text/html' }).end('<title>INTERNAL admin page</title><p>secret</p>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(() => close());

describe('issue 27: refs add fetches only public web sites', () => {
  it('knows private addresses in every spelling', () => {
    for (const address of [
      '127.0.0.1',
      '127.255.0.9',
      '10.1.2.3',
      '172.31.255.255',
      '192.168.0.1',
      '169.254.169.254',
      '100.64.0.1',
      '0.0.0.0',
      '224.0.0.1',
      '::1',
      '::',
      'fe80::1',
      'fd12:3456::1',
      '::ffff:7f00:1',
      '::ffff:10.0.0.1',
    ])
      expect(isPrivateAddress(address), address).toBe(true);
    for (const address of ['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700::1111']) expect(isPrivateAddress(address), address).toBe(false);
  });

  it('refuses loopback however the address is written, names that resolve to it, and other schemes', async () => {
    for (const url of [
      'http://127.0.0.1/',
      'http://2130706433/',
      'http://0x7f.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://[::1]:8080/',
      'http://localhost/',
      'http://169.254.169.254/latest/meta-data/',
      'file:///etc/passwd',
      'ftp://example.org/',
    ]) {
      expect(await refusedAddress(new URL(url), {}), url).toBeDefined();
    }
    expect(await refusedAddress(new URL('http://127.0.0.1/'), { BRIEFKIT_REFS_ALLOW_PRIVATE: '1' })).toBeUndefined();
  });

  it('refs add writes nothing of a page on this machine, and says why', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en]\n', 'briefings/references.yaml': '[]\n' });
    for (const url of [`${base}/admin`, `${base.replace('127.0.0.1', 'localhost')}/admin`]) {
      const result = await briefkit(['refs', 'add', url], { cwd: root, env: { BRIEFKIT_REFS_ALLOW_PRIVATE: '' } });
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain('on this machine or a private network, which refs add does not fetch from');
    }
    expect(await readText(root, 'briefings/references.yaml')).not.toContain('INTERNAL');
    expect((await listTree(root)).some((path) => path.startsWith('references-cache/'))).toBe(false);
  });

  it('checks the address again when connecting, so a name that changes its answer (DNS rebinding) is refused', async () => {
    // No check before: as if "localhost" had answered with a public address a moment earlier.
    const init = { headers: {}, signal: AbortSignal.timeout(5000) };
    const url = new URL(`${base.replace('127.0.0.1', 'localhost')}/admin`);
    const refusal = await fetchPublic(url, init, {}).then(
      () => undefined,
      (reason: NodeJS.ErrnoException) => reason,
    );
    expect(refusal?.code).toBe('EPRIVATE');
    expect(refusal?.message).toMatch(/^localhost is at (127\.0\.0\.1|::1) on this machine or a private network/);
    // Allowed for tests: the answer, as a fetch Response, redirects not followed.
    expect(await (await fetchPublic(url, init, { BRIEFKIT_REFS_ALLOW_PRIVATE: '1' })).text()).toContain('INTERNAL admin page');
    const loop = await fetchPublic(new URL(`${base}/loop`), init, { BRIEFKIT_REFS_ALLOW_PRIVATE: '1' });
    expect([loop.status, loop.headers.get('location')]).toEqual([302, '/loop']);
  });

  it('stops a redirect loop after five redirects', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en]\n', 'briefings/references.yaml': '[]\n' });
    const result = await briefkit(['refs', 'add', `${base}/loop`], { cwd: root, env: { BRIEFKIT_REFS_ALLOW_PRIVATE: '1' } });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('it sent more than 5 redirects');
  });

  it("caps what a page's metadata may add: authors, and the length of a title or name", () => {
    const authors = Array.from(
      { length: 5000 },
      (_, index) => `<meta name="citation_author" content="Author${index}, ${'G'.repeat(index === 0 ? 50_000 : 3)}">`,
    );
    const html = `<title>${'T'.repeat(1_000_000)}</title>${authors.join('')}`;
    const record = fromWebPage(html, 'https://example.org/page')!;
    expect(record.item.title!.length).toBeLessThanOrEqual(1000);
    expect(record.item.author!.length).toBe(100);
    expect(JSON.stringify(record.item.author![0]).length).toBeLessThan(300);
  });
});
