/**
 * Issue 27, item 7: control characters (NUL, BEL, ESC, OSC sequences, C1) and bidi overrides
 * in a title or any text reach <title>, PDF metadata and terminals (`links`, the report).
 * They are replaced where the file is read (typed ones) or where YAML decodes them (escapes),
 * with a warning at their place.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

// eslint-disable-next-line no-control-regex -- the characters the output must not contain
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202D\u202E]/;

async function links(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  await main(['links', ...argv], {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
    color: false,
  });
  return { stdout, stderr };
}

describe('control characters in titles and text (issue 27, item 7)', () => {
  it('replaces typed ones (an OSC window-title sequence, BEL, a C1 control) and warns at each', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Peer supply\u001b]0;owned\u0007 in Glasgow' }, 'Text with a C1\u0085 control.\n'),
    });
    const result = await buildProject(root);
    expect(result.ok).toBe(true);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    const title = /<title>([^<]*)<\/title>/.exec(html)![1]!;
    expect(title).toContain('Peer supply\uFFFD]0;owned\uFFFD in Glasgow');
    expect(html).not.toMatch(CONTROLS);
    expect(result.report).toContain('briefings/case-studies/a.md:2:19  warning  Invisible control character U+001B replaced by "\uFFFD"  control-character');
    expect(result.report).toContain('briefings/case-studies/a.md:2:28  warning  Invisible control character U+0007 replaced by "\uFFFD"');
    expect(result.report).toContain('briefings/case-studies/a.md:6:15  warning  Invisible control character U+0085');
    expect(result.report).not.toMatch(CONTROLS);
  });

  it('replaces ones written as YAML escapes, and a bidi override, with a warning at the value', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: "Kit\\e[2J"\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: '"Naloxone \\u202Eenod\\x07"', tags: '["a\\x1bb"]' }),
    });
    const result = await buildProject(root);
    const html = await readText(root, 'dist/en/case-studies/a/index.html');
    expect(html).toContain('Naloxone \uFFFDenod\uFFFD');
    expect(html).not.toMatch(CONTROLS);
    expect(result.report).toMatch(
      /a\.md:2:8 {2}warning {2}Invisible control characters U\+202E, U\+0007 replaced by "\uFFFD" {2}control-character\n\s+→ Delete it: a bidi override/,
    );
    expect(result.report).toContain('a.md:4:8  warning  Invisible control character U+001B');
    expect(result.report).toContain('briefkit.config.yaml:1:8  warning  Invisible control character U+001B');
  });

  it('never lets one reach the terminal through `briefkit links`', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nbase_url: https://example.org/\nlanguages: [en]\n',
      'briefings/guide/index.md': '---\ntitle: "Guide\\e]0;x\\a"\n---\n\nText \u001b[31mred.\n',
    });
    for (const format of ['text', 'markdown', 'csv', 'json']) {
      const { stdout, stderr } = await links(root, '--format', format);
      expect(stdout).toContain('Guide');
      expect(stdout + stderr).not.toMatch(CONTROLS);
    }
  });

  it('keeps the bidi embeddings and isolates Word and editors put in mixed-direction text', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Naloxone \u202Bنالوكسون\u202C \u2067(ar)\u2069' }),
    });
    const result = await buildProject(root);
    expect(result.report).not.toContain('control-character');
    expect(await readText(root, 'dist/en/case-studies/a/index.html')).toContain('<title>Naloxone \u202Bنالوكسون\u202C \u2067(ar)\u2069');
  });

  it('says how many more there are past the first ten in a file', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nlanguages: [en]\n',
      'briefings/case-studies/a.md': caseStudy({}, `${'x\u0007'.repeat(500)}\n`),
    });
    const result = await buildProject(root);
    const warnings = result.files.flatMap((file) => file.messages).filter((message) => message.ruleId === 'control-character');
    expect(warnings).toHaveLength(11);
    expect(warnings.at(-1)!.reason).toBe('490 more invisible control characters replaced by "\uFFFD"');
    expect(warnings.at(-1)!.line).toBe(6);
  });
});
