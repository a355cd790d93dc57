/** Untrusted content must not run code, and no path from content or config may escape. */
import { existsSync } from 'node:fs';
import { mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeAtomic } from '../../src/fs/write-atomic.js';
import { buildProject, caseStudy, listTree, makeProject, readText, temporaryDir } from '../helpers/project.js';

describe('raw HTML is sanitised', () => {
  it('writes a page with no live script, handler, dangerous URL or page-changing element', async () => {
    const body = [
      '<script>alert(1)</script>',
      '',
      '<img src="x.svg" onerror="alert(2)">',
      '',
      '<a href="javascript:alert(3)">js link</a> [md link](javascript:alert(4)) [data](data:text/html,hi)',
      '',
      '<iframe src="https://evil.example"></iframe>',
      '',
      '<style>body{display:none}</style>',
      '',
      '<form action="https://evil.example"><input name="q"></form>',
      '',
      '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
      '',
      '<svg><script>alert(5)</script></svg> <math><mi>x</mi></math>',
      '',
      '<p onclick="alert(6)" style="color:red">kept text</p>',
      '',
    ].join('\n');
    const root = await makeProject({
      'briefings/case-studies/x.md': caseStudy({}, body),
      'briefings/case-studies/x.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    });
    const result = await buildProject(root);
    expect(result.written).toBe(true);
    const html = await readText(root, 'dist/en/case-studies/x/index.html');
    const prose = html.slice(html.indexOf('<div class="prose">'), html.indexOf('</article>'));
    expect(prose).toContain('kept text');
    for (const forbidden of [
      '<script',
      'onerror',
      'onclick',
      'javascript:',
      'data:text',
      '<iframe',
      '<style',
      'display:none',
      '<form',
      '<base',
      '<meta',
      '<svg',
      '<math',
      'evil.example',
    ]) {
      expect(prose, forbidden).not.toContain(forbidden);
    }
    expect(html.match(/<script/g)).toBeNull();
    expect(result.report).toContain('Removed <script>');
    expect(result.report).toMatch(/x\.md:8:1 {2}warning {2}Removed the onerror attribute/);
  });
});

describe('front matter never runs code', () => {
  it.each(['js', 'javascript', 'coffee'])('refuses ---%s front matter without evaluating it', async (language) => {
    const marker = `__briefkit_pwned_${language}`;
    const root = await makeProject({
      'briefings/about.md': `---${language}\n{ title: (globalThis.${marker} = true, 'x') }\n---\nText\n`,
    });
    const result = await buildProject(root);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(result.written).toBe(false);
    expect(result.report).toContain(`briefings/about.md:1:4  error  Front matter in "${language}" is not allowed`);
  });
});

describe('paths stay inside the project and output folders', () => {
  it('refuses a ../ slug, a link and an image outside briefings/', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({ slug: '../../outside' }, '[x](../../../etc/passwd) ![y](../../secret.png)\n'),
      'secret.png': 'not really',
    });
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toContain('briefings/case-studies/a.md:4:7  error  "slug": use only lower-case letters');
    expect(result.report).toContain('"../../../etc/passwd" points outside the briefings folder');
    expect(result.report).toContain('"../../secret.png" points outside the briefings folder');
    expect(await listTree(join(root, 'dist'))).toEqual([]);
    expect(existsSync(join(root, 'outside'))).toBe(false);
  });

  it('does not follow a symlink out of the project', async () => {
    const outside = await temporaryDir();
    await writeFile(join(outside, 'private.png'), 'private data');
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, '![x](leak.png)\n') });
    await symlink(join(outside, 'private.png'), join(root, 'briefings/case-studies/leak.png'));
    const result = await buildProject(root);
    expect(result.written).toBe(false);
    expect(result.report).toMatch(
      /a\.md:6:1 {2}error {2}Image "leak\.png": briefings\/case-studies\/leak\.png is a symbolic link to .*private\.png, outside the project {2}symlink-outside/,
    );
  });

  it('refuses a logo outside the project', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'organisation:\n  name: X\n  logo: ../../etc/hostname\n',
      'briefings/about.md': '---\ntitle: About\n---\n',
    });
    const result = await buildProject(root);
    expect(result.report).toContain('briefkit.config.yaml:3:9  error  The logo "../../etc/hostname" is outside the project');
  });

  it('will not replace the project, a content folder, or a folder it did not write', async () => {
    const root = await makeProject({ 'briefings/about.md': '---\ntitle: About\n---\n' });
    for (const out of [root, join(root, '..'), join(root, 'briefings/out')]) {
      const result = await buildProject(root, { out });
      expect(result.written, out).toBe(false);
      expect(result.report).toContain('output-folder');
    }
    const stranger = join(root, 'documents');
    await mkdir(stranger);
    await writeFile(join(stranger, 'thesis.docx'), 'precious');
    const result = await buildProject(root, { out: stranger });
    expect(result.written).toBe(false);
    expect(result.report).toContain('already holds files that briefkit did not write');
    expect(await readText(stranger, 'thesis.docx')).toBe('precious');
  });

  it('refuses to write an output path that leaves the output folder', async () => {
    const out = join(await temporaryDir(), 'dist');
    await expect(writeAtomic(out, [{ path: '../escaped.html', content: 'x' }])).rejects.toThrow(/outside the output folder/);
    expect(existsSync(join(out, '..', 'escaped.html'))).toBe(false);
  });
});
