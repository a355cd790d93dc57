/**
 * Issue 11: an edit to the text of a page is made in place (that page in every language and
 * edition, nothing else), while anything that other pages depend on (front matter)
 * builds the whole site; problems show on the pages they affect; only input folders are watched.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { DevServer } from '../../src/dev/dev-server.js';
import { listen, until } from '../helpers/dev.js';
import { caseStudy, makeProject } from '../helpers/project.js';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const original = caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nFirst version.\n\n## Results\n\nIt worked.\n');

async function project(): Promise<string> {
  const root = await makeProject({
    'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
    'briefings/case-studies/a.md': original,
    'briefings/case-studies/b.md': caseStudy({ title: 'Case B', date: '2024-01-01' }, 'See [the results](a.md#results).\n'),
    'translations/uk/case-studies/a.md': '---\ntitle: Випадок А\n---\n\n## Контекст {#context}\n\nПерша версія.\n\n## Результати {#results}\n\nСпрацювало.\n',
  });
  const quiet = { write: () => undefined };
  expect(await main(['i18n', 'stamp', 'uk', 'case-studies/a.md'], { stdout: quiet, stderr: quiet, cwd: root, color: false })).toBe(0);
  return root;
}

const page = async (url: string, path: string) => (await fetch(new URL(path, url))).text();

describe('briefkit dev: edits made in place', () => {
  it('remakes only the edited page, in every language, and tells only its open pages to reload', async () => {
    const root = await project();
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    expect(await page(server.url, 'uk/case-studies/a/')).not.toContain('The original has changed');
    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'ok'), 'the first event');

    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('First version.', 'Second version.'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    const reload = JSON.parse(stream.events.find((event) => event.event === 'reload')!.data) as { pages: string[] | null };
    expect(reload.pages?.sort()).toEqual(['en/case-studies/a/index.html', 'uk/case-studies/a/index.html']);
    expect(log.join('')).toMatch(/Updated 2 pages in \d+ ms/);
    expect(await page(server.url, 'en/case-studies/a/')).toContain('Second version.');
    // The translation is now behind its original, and says so.
    expect(await page(server.url, 'uk/case-studies/a/')).toContain('Оригінал змінився');

    // A translation's own text: made in place too.
    stream.events.length = 0;
    await writeFile(
      join(root, 'translations/uk/case-studies/a.md'),
      (await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8')).replace('Перша версія.', 'Друга версія.'),
    );
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload after the translation');
    expect(await page(server.url, 'uk/case-studies/a/')).toContain('Друга версія.');
    stream.stop();
  });

  it('builds the whole site when front matter changes, so lists show the new title', async () => {
    const root = await project();
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    const stream = listen(server.url);
    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('title: Case A', 'title: Case A renamed'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    expect(JSON.parse(stream.events.find((event) => event.event === 'reload')!.data)).toEqual({ pages: null });
    expect(await page(server.url, 'en/index.html')).toContain('Case A renamed');
    expect(log.join('')).not.toContain('Updated');
    stream.stop();
  });

  it('checks the links from other pages again when a heading changes', async () => {
    const root = await project();
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    expect(log.join('')).not.toContain('#results');
    const stream = listen(server.url);
    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('## Results', '## Outcomes'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    expect(log.join('')).toMatch(/briefings\/case-studies\/b\.md:\d+:\d+[^\n]*No heading "#results" in briefings\/case-studies\/a\.md/);
    stream.stop();
  });

  it('shows an error in an edited page on that page’s addresses only, and recovers in place', async () => {
    const root = await project();
    server = await DevServer.start({ root, log: () => undefined });
    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'ok'), 'the first event');
    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('It worked.', 'It worked [@nobody2020].'));
    await until(() => stream.events.some((event) => event.event === 'problems'), 'the problems');
    const problems = JSON.parse(stream.events.find((event) => event.event === 'problems')!.data) as { where: string; reason: string; pages: string[] }[];
    expect(problems).toHaveLength(1);
    expect(problems[0]!.where).toBe('briefings/case-studies/a.md:13:11');
    expect(problems[0]!.reason).toContain('Unknown citation key "@nobody2020"');
    expect(problems[0]!.pages.sort()).toEqual(['en/case-studies/a/index.html', 'uk/case-studies/a/index.html']);
    expect(await page(server.url, 'en/case-studies/a/')).toContain('First version.');

    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('It worked.', 'It worked well.'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload after the fix');
    expect(await page(server.url, 'en/case-studies/a/')).toContain('It worked well.');
    stream.stop();
  });

  it('a broken front matter block shows on the pages of its file only', async () => {
    const root = await project();
    server = await DevServer.start({ root, log: () => undefined });
    const stream = listen(server.url);
    await writeFile(join(root, 'briefings/case-studies/b.md'), '---\ntitle: [unclosed\n---\n\nBroken.\n');
    await until(() => stream.events.some((event) => event.event === 'problems'), 'the problems');
    const problems = JSON.parse(stream.events.find((event) => event.event === 'problems')!.data) as { pages: string[] }[];
    expect(problems[0]!.pages.sort()).toEqual(['en/case-studies/b/index.html', 'uk/case-studies/b/index.html']);
    stream.stop();
  });

  it('watches the project’s input files, not other folders in it', async () => {
    const root = await project();
    server = await DevServer.start({ root, log: () => undefined });
    const builds = server.builds;
    await mkdir(join(root, 'notes'), { recursive: true });
    await writeFile(join(root, 'notes/draft.md'), '# Not part of the site\n');
    await mkdir(join(root, 'node_modules/x'), { recursive: true });
    await writeFile(join(root, 'node_modules/x/readme.md'), '# Nor this\n');
    await new Promise((done) => setTimeout(done, 800));
    await server.settled();
    expect(server.builds).toBe(builds);
    await writeFile(join(root, 'briefkit.config.yaml'), 'title: Test renamed\nlanguages: [en, uk]\n');
    await until(() => server!.builds > builds, 'a rebuild after the config changed');
    await server.settled();
    expect(await page(server.url, 'en/index.html')).toContain('Test renamed');
  });
});
