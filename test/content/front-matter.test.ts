/** Front matter: YAML only, positions true to the file, YAML traps caught. */
import { VFile } from 'vfile';
import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/content/front-matter.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const read = (value: string) => {
  const file = new VFile({ path: 'x.md', value });
  return { file, ...readFrontMatter(file) };
};

describe('readFrontMatter', () => {
  it('blanks the front matter but keeps every line, so Markdown positions match the file', () => {
    const { body, data } = read('---\ntitle: Hi\ntags: [a]\n---\n# Heading\n');
    expect(data).toEqual({ title: 'Hi', tags: ['a'] });
    expect(body.split('\n')).toHaveLength(6);
    expect(body.split('\n')[4]).toBe('# Heading');
    expect(body.slice(0, body.indexOf('#')).trim()).toBe('');
  });

  it('reads YAML 1.2: NO stays a country code, dates stay text, yes stays text', () => {
    const { data } = read('---\ncountry: NO\ndate: 2023-09-25\nanswer: yes\n---\n');
    expect(data).toEqual({ country: 'NO', date: '2023-09-25', answer: 'yes' });
  });

  it('reports a YAML syntax error at its line and column', () => {
    const { file } = read('---\ntitle: Naloxone: the basics\n---\n');
    expect(file.messages[0]?.reason).toMatch(/YAML syntax/);
    expect([file.messages[0]?.line, file.messages[0]?.column]).toEqual([2, 8]);
    expect(file.messages[0]?.note).toContain('must be quoted');
  });

  it('reports a duplicate key', () => {
    const { file } = read('---\ntitle: A\ntitle: B\n---\n');
    expect(file.messages[0]?.reason).toMatch(/unique|duplicate/i);
    expect(file.messages[0]?.line).toBe(3);
  });

  it('reports front matter that is never closed', () => {
    const { file } = read('---\ntitle: A\n\nText that follows\n');
    expect(file.messages[0]?.reason).toBe('The front matter that opens on line 1 is never closed');
  });

  it('refuses aliases that expand without bound', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x]',
      ...'bcdefgh'.split('').map((c, i) => `${c}: &${c} [${Array(9).fill(`*${'abcdefgh'[i]}`).join(', ')}]`),
    ].join('\n');
    const { file, data } = read(`---\n${bomb}\n---\n`);
    expect(data).toEqual({});
    expect(file.messages.some((message) => message.fatal)).toBe(true);
  });
});

describe('front matter checks in a build', () => {
  it('catches YAML traps instead of accepting them silently', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ date: '2023-13-45', year: '"2017"', country: 'Scotland', tags: 'just-one' }),
    });
    const { report, written } = await buildProject(root);
    expect(written).toBe(false);
    expect(report).toContain('briefings/case-studies/a.md:4:7  error  "date": 2023-13-45 is not a real date  invalid-value');
    expect(report).toContain('briefings/case-studies/a.md:5:7  error  "year" should be a number, but it is text ("2017")  wrong-type');
    expect(report).toContain('briefings/case-studies/a.md:3:10  error  "country": use an ISO 3166 code');
    expect(report).toContain('briefings/case-studies/a.md:6:7  error  "tags" should be a list (e.g. [a, b]), but it is text ("just-one")  wrong-type');
  });

  it('keeps a version written as a number exactly as typed', async () => {
    const root = await makeProject({ 'briefings/guide/index.md': '---\ntitle: Guide\nversion: 2.10\n---\nText\n' });
    await buildProject(root);
    expect(await readText(root, 'dist/en/guide/index.html')).toContain('<dd><bdi>2.10</bdi></dd>');
  });

  it('suggests the right key for a typo, and keeps other keys', async () => {
    const root = await makeProject({ 'briefings/about.md': '---\ntitle: About\nsumary: Oops\nfunder: Someone\n---\n' });
    const { report, written } = await buildProject(root);
    expect(written).toBe(true);
    expect(report).toContain('briefings/about.md:3:1  warning  Unknown front matter key "sumary"  unknown-key\n      → Did you mean "summary"?');
    expect(report).not.toContain('funder');
  });

  it('says what to add when a required key is missing', async () => {
    const root = await makeProject({ 'briefings/case-studies/a.md': '---\ntitle: A\n---\n' });
    const { report } = await buildProject(root);
    expect(report).toContain('"country" is missing');
    expect(report).toContain('Add "country:" to the front matter.');
  });
});
