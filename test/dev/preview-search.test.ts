/**
 * Issue 30: the preview makes an edited page again through the same phases as a build, and
 * that includes the search index. Before, the in-place update never indexed again, so the
 * preview's search found the old text of a page after an edit.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/dev-server.js';
import { listen, until } from '../helpers/dev.js';
import { caseStudy, makeProject } from '../helpers/project.js';
import { fromServer, servedPages } from '../helpers/search-index.js';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const original = caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nThe first version speaks of lighthouses.\n');

/** The text of every page the preview's search finds, as Pagefind's script and briefkit's loader serve it. */
async function indexedText(url: string): Promise<string> {
  const pages = await servedPages(fromServer(url));
  expect(pages.length).toBeGreaterThan(0);
  return pages.map((page) => page.content).join('\n');
}

describe('briefkit dev: search after an edit', () => {
  it('indexes the edited text, so the preview search finds the new words and not the old ones', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n', 'briefings/case-studies/a.md': original });
    server = await DevServer.start({ root, log: () => undefined });
    expect(await indexedText(server.url)).toContain('lighthouses');
    const stream = listen(server.url);
    await until(() => stream.events.some((event) => event.event === 'ok'), 'the first event');

    await writeFile(join(root, 'briefings/case-studies/a.md'), original.replace('lighthouses', 'windmills'));
    await until(() => stream.events.some((event) => event.event === 'reload'), 'a reload event');
    stream.stop();
    // The index is written after the reload, before the preview is settled.
    await server.settled();
    // Made in place (one page), not by a whole build.
    expect(JSON.parse(stream.events.find((event) => event.event === 'reload')!.data)).toEqual({ pages: ['en/case-studies/a/index.html'] });
    const text = await indexedText(server.url);
    expect(text).toContain('windmills');
    // The page's old entry in the index is left out: search no longer finds the old text.
    expect(text).not.toContain('lighthouses');
  });
});
