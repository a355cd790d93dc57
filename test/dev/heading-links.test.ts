/**
 * Issue 30, item 2 (what a change touches): a heading that other pages link to changes. The
 * preview makes that page again and the pages that link into it (their links are checked
 * against the new headings), not the whole site, which it did before.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/dev-server.js';
import { listen, until } from '../helpers/dev.js';
import { caseStudy, makeProject } from '../helpers/project.js';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const a = caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nFirst version.\n\n## Results\n\nIt worked.\n');
const b = caseStudy({ title: 'Case B', date: '2024-01-01' }, 'See [the results](a.md#results).\n');
const c = caseStudy({ title: 'Case C', date: '2024-01-01' }, 'Nothing to do with A.\n');

describe('briefkit dev: a heading other pages link to', () => {
  it('makes the page and the pages linking into it again, and reports their links at once', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en, uk]\n',
      'briefings/case-studies/a.md': a,
      'briefings/case-studies/b.md': b,
      'briefings/case-studies/c.md': c,
    });
    const log: string[] = [];
    server = await DevServer.start({ root, log: (text) => log.push(text) });
    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'ok'), 'the first event');

    await writeFile(join(root, 'briefings/case-studies/a.md'), a.replace('## Results', '## Outcomes'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    const reload = JSON.parse(stream.events.find((event) => event.event === 'reload')!.data) as { pages: string[] | null };
    expect(reload.pages?.sort()).toEqual([
      'en/case-studies/a/index.html',
      'en/case-studies/b/index.html',
      'uk/case-studies/a/index.html',
      'uk/case-studies/b/index.html',
    ]);
    expect(log.join('')).toMatch(/Updated 4 pages/);
    expect(log.join('')).toMatch(/briefings\/case-studies\/b\.md:\d+:\d+[^\n]*No heading "#results" in briefings\/case-studies\/a\.md/);
    expect(await (await fetch(new URL('en/case-studies/a/', server.url))).text()).toContain('id="outcomes"');

    // The link mended: only b is made again, and the warning is gone.
    stream.events.length = 0;
    log.length = 0;
    await writeFile(join(root, 'briefings/case-studies/b.md'), b.replace('#results', '#outcomes'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload after the fix');
    stream.stop();
    expect(JSON.parse(stream.events.find((event) => event.event === 'reload')!.data)).toEqual({
      pages: ['en/case-studies/b/index.html', 'uk/case-studies/b/index.html'],
    });
    expect(log.join('')).not.toContain('No heading');
  });
});
