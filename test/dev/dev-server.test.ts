/**
 * Issue 11: `briefkit dev` serves the site on loopback, rebuilds on save and tells open pages
 * to reload, shows a broken file's problems without stopping, and serves nothing but the site.
 */
import { request } from 'node:http';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/dev-server.js';
import { listen, until } from '../helpers/dev.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

const files = {
  'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
  'briefings/case-studies/a.md': caseStudy({ title: 'Case A', date: '2024-01-01' }, 'First version.\n'),
  'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'Case B text.\n'),
};

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** A request exactly as written (fetch would tidy `..` away first). */
function raw(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((done, fail) => {
    const call = request({ host: hostname, port, path, method: 'GET' }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
    });
    call.on('error', fail);
    call.end();
  });
}

describe('briefkit dev', () => {
  it('serves the site on loopback, and after an edit serves the new page and tells open pages to reload', async () => {
    const root = await makeProject(files);
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(new URL('en/case-studies/a/', server.url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('First version.');
    expect(html).toContain('<script src="/__briefkit/live.js"></script></body>');
    expect((await fetch(new URL('__briefkit/live.js', server.url))).headers.get('content-type')).toContain('javascript');

    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'ok'), 'the first event');
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Second version.\n'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    expect(await (await fetch(new URL('en/case-studies/a/', server.url))).text()).toContain('Second version.');
    stream.stop();
  });

  it('shows a broken file’s problems, keeps serving the last good site, and recovers when it is fixed', async () => {
    const root = await makeProject(files);
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    const stream = listen(server.url);
    await until(() => stream.events.length > 0, 'the first event');
    await writeFile(join(root, 'briefings/case-studies/a.md'), '---\ntitle: [unclosed\n---\n\nBroken.\n');
    await until(() => stream.events.some((event) => event.event === 'problems'), 'the problems event');
    const problems = JSON.parse(stream.events.find((event) => event.event === 'problems')!.data) as { where: string; reason: string; line: string }[];
    expect(problems[0]!.where).toMatch(/^briefings\/case-studies\/a\.md:2:\d+$/);
    expect(problems[0]!.line).toBe('title: [unclosed');
    expect(log.join('')).toContain('briefings/case-studies/a.md:2:');
    // The last good version is still served, and a new page load gets the problems at once.
    expect(await (await fetch(new URL('en/case-studies/a/', server.url))).text()).toContain('First version.');
    const late = listen(server.url);
    await until(() => late.events.some((event) => event.event === 'problems'), 'the problems on connecting');
    late.stop();

    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Fixed.\n'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload after the fix');
    expect(await (await fetch(new URL('en/case-studies/a/', server.url))).text()).toContain('Fixed.');
    stream.stop();
  });

  it('notices a save made the moment it has started, on a project of many files', async () => {
    const many: Record<string, string> = { ...files };
    for (let index = 0; index < 400; index++)
      many[`briefings/case-studies/many-${index}.md`] = caseStudy({ title: `Case ${index}`, date: '2024-01-01' }, `Text ${index}.\n`);
    const root = await makeProject(many);
    server = await DevServer.start({ root, log: () => undefined });
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Saved at once.\n'));
    await until(async () => (await (await fetch(new URL('en/case-studies/a/', server!.url))).text()).includes('Saved at once.'), 'the saved page');
  });

  it('starts on a project that does not build, shows why on any page, and serves the site once it is fixed', async () => {
    const root = await makeProject({ ...files, 'briefings/case-studies/a.md': '---\ntitle: [unclosed\n---\n\nBroken.\n' });
    server = await DevServer.start({ root, log: () => undefined });
    const page = await fetch(new URL('en/case-studies/b/', server.url), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    const html = await page.text();
    expect(html).toContain('could not be built');
    expect(html).toContain('/__briefkit/live.js');
    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'problems'), 'the problems');
    await writeFile(join(root, 'briefings/case-studies/a.md'), caseStudy({ title: 'Case A', date: '2024-01-01' }, 'Fixed.\n'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload after the fix');
    expect((await fetch(new URL('en/case-studies/b/', server.url))).status).toBe(200);
    stream.stop();
  });

  it('removes a deleted file’s page', async () => {
    const root = await makeProject(files);
    server = await DevServer.start({ root, log: () => undefined });
    expect((await fetch(new URL('en/case-studies/b/', server.url))).status).toBe(200);
    const builds = server.builds;
    await rm(join(root, 'briefings/case-studies/b.md'));
    await until(() => server!.builds > builds, 'a rebuild');
    await server.settled();
    expect((await fetch(new URL('en/case-studies/b/', server.url))).status).toBe(404);
  });

  it('serves only files of the site: no traversal, written or encoded, and nothing but GET and HEAD', async () => {
    const root = await makeProject(files);
    server = await DevServer.start({ root, log: () => undefined });
    for (const path of [
      '/../../etc/passwd',
      '/en/../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/en/%2e%2e%5c%2e%2e%5cetc%5cpasswd',
      '/%00',
      '/%E0%A4%A',
    ]) {
      const answer = await raw(server.url, path);
      expect([400, 403, 404], path).toContain(answer.status);
      expect(answer.body).not.toContain('root:');
    }
    expect((await fetch(new URL('/', server.url), { method: 'POST' })).status).toBe(405);
  });

  it('never puts its script into what `briefkit build` writes', async () => {
    const root = await makeProject(files);
    server = await DevServer.start({ root, log: () => undefined });
    await buildProject(root);
    for (const path of (await listTree(join(root, 'dist'))).filter((name) => name.endsWith('.html'))) {
      expect(await readFile(join(root, 'dist', path), 'utf8')).not.toContain('__briefkit');
    }
  });
});

describe('briefkit dev --open', () => {
  it('opens the address with the platform’s own opener', async () => {
    const { openerFor } = await import('../../src/dev/open-browser.js');
    expect(openerFor('linux', 'http://127.0.0.1:4000/')).toEqual({ command: 'xdg-open', args: ['http://127.0.0.1:4000/'] });
    expect(openerFor('darwin', 'http://127.0.0.1:4000/')).toEqual({ command: 'open', args: ['http://127.0.0.1:4000/'] });
    expect(openerFor('win32', 'http://127.0.0.1:4000/?a&b')).toEqual({ command: 'cmd', args: ['/c', 'start', '""', 'http://127.0.0.1:4000/?a^&b'] });
  });
});
