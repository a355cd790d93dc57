/**
 * Issue 30: the preview makes an edited page again through the same phases as a build, and
 * that includes the search index. Before, the in-place update never indexed again, so the
 * preview's search found the old text of a page after an edit.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { DevServer } from '../../src/dev/dev-server.js';
import { listen, until } from '../helpers/dev.js';
import { caseStudy, makeProject } from '../helpers/project.js';

let server: DevServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const original = caseStudy({ title: 'Case A', date: '2024-01-01' }, '## Context\n\nThe first version speaks of lighthouses.\n');

/** The names of the English pages' fragments in the preview's search index. */
async function fragmentNames(url: string): Promise<string[]> {
  const get = async (path: string) => Buffer.from(await (await fetch(new URL(path, url))).arrayBuffer());
  const entry = JSON.parse(String(await get('pagefind/pagefind-entry.json'))) as { languages: Record<string, { hash: string }> };
  const meta = gunzipSync(await get(`pagefind/pagefind.${entry.languages.en!.hash}.pf_meta`)).toString('latin1');
  return [...new Set(meta.match(/en_[0-9a-f]{7}/g) ?? [])];
}

/** The text of every English page in the preview's search index, as Pagefind's own script reads it. */
async function indexedText(url: string): Promise<string> {
  const get = async (path: string) => {
    const answer = await fetch(new URL(path, url));
    return answer.ok ? Buffer.from(await answer.arrayBuffer()) : undefined;
  };
  const entry = JSON.parse(String(await get('pagefind/pagefind-entry.json'))) as { languages: Record<string, { hash: string }> };
  const meta = gunzipSync((await get(`pagefind/pagefind.${entry.languages.en!.hash}.pf_meta`))!).toString('latin1');
  const fragments = [...new Set(meta.match(/en_[0-9a-f]{7}/g) ?? [])];
  // The meta file names the pages' fragments, among the names of other parts of the index.
  const found = (await Promise.all(fragments.map((name) => get(`pagefind/fragment/${name}.pf_fragment`)))).filter((bytes) => bytes !== undefined);
  expect(found.length).toBeGreaterThan(0);
  const texts = found.map((bytes) =>
    gunzipSync(bytes)
      .toString()
      .replace(/^pagefind_dcd/, ''),
  );
  return texts.map((text) => (JSON.parse(text) as { content: string }).content).join('\n');
}

describe('briefkit dev: search after an edit', () => {
  it('indexes the edited text, so the preview search finds the new words and not the old ones', async () => {
    const root = await makeProject({ 'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n', 'briefings/case-studies/a.md': original });
    server = await DevServer.start({ root, log: () => undefined });
    expect(await indexedText(server.url)).toContain('lighthouses');
    const oldFragments = await fragmentNames(server.url);
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
    expect(text).not.toContain('lighthouses');
    // The old index's parts are gone from the preview too: nothing serves the old text any more.
    for (const name of oldFragments) expect((await fetch(new URL(`pagefind/fragment/${name}.pf_fragment`, server.url))).status, name).toBe(404);
  });
});
