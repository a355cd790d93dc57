/**
 * Issue 30: a build after an edit reads every page's front matter again; the memo gives the
 * data of YAML text read before without parsing it, and parses it only when a message needs a
 * position. What it gives must be what a parse gives; text with a problem is never taken
 * from it, so its problem is reported on every build.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { VFile } from 'vfile';
import { describe, expect, it, vi } from 'vitest';
import { readFrontMatter } from '../../src/content/front-matter.js';
import { YamlMemo } from '../../src/yaml/yaml-memo.js';
import { temporaryDir } from '../helpers/project.js';

const page = (text: string) => new VFile({ path: '/p/briefings/a.md', cwd: '/p', value: text });
const TEXT = '---\ntitle: Peer supply\ntags: [naloxone, peers]\nversion: 2.10\n---\n\nBody.\n';

/** A memo as the next build loads it, after one build read these texts. */
async function memoAfter(...texts: string[]): Promise<{ memo: YamlMemo; cacheDir: string }> {
  const cacheDir = await temporaryDir();
  const first = await YamlMemo.load(cacheDir);
  for (const text of texts) readFrontMatter(page(text), first);
  await first.save(cacheDir);
  return { memo: await YamlMemo.load(cacheDir), cacheDir };
}

describe('the front matter memo (issue 30)', () => {
  it('gives the data and positions a parse gives, and a copy each time', async () => {
    const { memo } = await memoAfter(TEXT);
    const parsed = readFrontMatter(page(TEXT)).yaml!;
    const recall = vi.spyOn(memo, 'recall');
    const recalled = readFrontMatter(page(TEXT), memo).yaml!;
    // Taken from the memo, not parsed.
    expect(recall.mock.results[0]?.value).toEqual(parsed.data);
    expect(recalled.data).toEqual(parsed.data);
    expect(recalled.placeOf(['tags', 1])).toEqual(parsed.placeOf(['tags', 1]));
    expect(recalled.placeOf(['title'], 'key')).toEqual({ start: { line: 2, column: 1, offset: 4 }, end: { line: 2, column: 6, offset: 9 } });
    expect(recalled.sourceOf(['version'])).toBe('2.10');
    (recalled.data as { tags: string[] }).tags.push('changed');
    expect((readFrontMatter(page(TEXT), memo).yaml!.data as { tags: string[] }).tags).toEqual(['naloxone', 'peers']);
  });

  it('never takes text with a problem from it: the problem is reported on every read', async () => {
    const broken = '---\ntitle: One\ntitle: Two\n---\n';
    const { memo } = await memoAfter(broken);
    const file = page(broken);
    readFrontMatter(file, memo);
    expect(file.messages.map((message) => `${message.line}:${message.column} ${message.reason}`)).toEqual([
      expect.stringMatching(/^3:1 YAML syntax: Map keys must be unique/),
    ]);
  });

  it('keeps only what the last build read, only plain data, and starts empty from a damaged entry', async () => {
    const cacheDir = await temporaryDir();
    const first = await YamlMemo.load(cacheDir);
    first.keep('title: One\n', { title: 'One' });
    first.keep('title: Two\n', { title: 'Two' });
    first.keep('size: .inf\n', { size: Infinity });
    await first.save(cacheDir);
    const second = await YamlMemo.load(cacheDir);
    expect(second.recall('title: One\n')).toEqual({ title: 'One' });
    // JSON would not give Infinity back: such data is never kept.
    expect(second.recall('size: .inf\n')).toBeUndefined();
    await second.save(cacheDir);
    const third = await YamlMemo.load(cacheDir);
    expect(third.recall('title: One\n')).toEqual({ title: 'One' });
    expect(third.recall('title: Two\n')).toBeUndefined();
    await writeFile(join(cacheDir, 'yaml/front-matter.json'), 'damaged');
    expect((await YamlMemo.load(cacheDir)).recall('title: One\n')).toBeUndefined();
  });
});
