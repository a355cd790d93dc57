/**
 * Issue 8, "done when": a project built from content nobody here wrote. Titles,
 * translations, profiles, references and linked files carry script; links lead out of the
 * project; files have Windows line endings; nesting is pathological. The build gives
 * positioned messages, no stack trace, no file read or written outside the project, and the
 * previous output intact. The same hostile strings in a project that is otherwise sound give
 * a site and PDFs with no live script anywhere.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, readdir, symlink, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { listTree, makeProject, temporaryDir } from '../helpers/project.js';
import { pdftotext } from '../helpers/pdf-tools.js';
import { briefkit as cli } from '../helpers/cli.js';
import { lacks } from '../helpers/tools.js';

const briefkit = (args: string[], cwd: string) => cli(args, { cwd });

/** Markup that runs script wherever it is not escaped for its context. */
const SCRIPT = `</style></title><script>document.title='pwned'</script><img src=x onerror=alert(1)>"'`;
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

/** A sound project: a briefing with one case study, a reference, a Ukrainian translation and a Ukraine edition. */
const SOUND: Record<string, string> = {
  'briefkit.config.yaml':
    'title: Sample site\nlanguages: [en, uk]\norganisation:\n  name: Example network\n  url: https://example.org/\nvariables:\n  emergency_number: "112"\n',
  'briefings/brief/index.md':
    '---\ntitle: A briefing\ndate: 2024-01-02\ncase_studies: [a]\n---\n\n## Why\n\nPeers save lives [@ref1]. Call {{emergency_number}}.\n',
  'briefings/case-studies/a.md':
    '---\ntitle: A case study\ncountry: PT\ndate: 2024-01-02\ntags: [outreach]\n---\n\n## What happened\n\nPeers carried naloxone [@ref1].\n',
  'briefings/references.yaml':
    '- id: ref1\n  type: article-journal\n  title: A study\n  author: [{family: Doe, given: Jo}]\n  container-title: A ' +
    'journal\n  issued: {date-parts: [[2020]]}\n  URL: https://example.org/study\n',
  'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: "103"\n',
};

/** A hash of every file under a folder, to show that it did not change. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {};
  for (const path of await listTree(dir))
    result[path] = createHash('sha256')
      .update(await readFile(join(dir, path)))
      .digest('hex');
  return result;
}

async function write(root: string, files: Record<string, string>): Promise<void> {
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), content);
  }
}

describe('a hostile project', () => {
  it('is reported file by file, at line and column, with no stack trace, nothing read or written outside, and the previous site intact', async () => {
    const root = await makeProject(SOUND);
    const first = await briefkit(['build', '--no-pdf'], root);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    const before = await snapshot(join(root, 'dist'));
    expect(Object.keys(before).length).toBeGreaterThan(5);

    const outside = await temporaryDir();
    await writeFile(join(outside, 'secret.txt'), 'TOP-SECRET-OUTSIDE');
    await writeFile(join(outside, 'secret.md'), '---\ntitle: TOP-SECRET-OUTSIDE\n---\n');
    const outsideBefore = await snapshot(outside);
    await write(root, {
      // Windows line endings, and a real error on line 6.
      'briefings/case-studies/windows.md': crlf('---\ntitle: Saved on Windows\ncountry: UA\ndate: 2024-03-04\n---\nText citing [@nokey].\n'),
      // Script in titles and summaries, pathological nesting, files that carry script.
      'briefings/case-studies/evil.md': [
        '---',
        `title: ${JSON.stringify(`Evil ${SCRIPT}`)}`,
        'country: PT',
        `summary: ${JSON.stringify(SCRIPT)}`,
        '---',
        '',
        '[a page](page.html) ![drawing](drawing.svg)',
        '',
        '>'.repeat(5000) + ' deep',
        '',
        '[secret](../../../secret.txt)',
        '',
      ].join('\n'),
      'briefings/case-studies/page.html': '<script>alert(1)</script>',
      'briefings/case-studies/drawing.svg': '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      'briefings/references.yaml': `${SOUND['briefings/references.yaml']}- id: bad\n  type: webpage\n  title: Bad\n  URL: "javascript:alert(1)"\n`,
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: ""\n',
      'translations/uk/case-studies/a.md': `---\ntitle: ${JSON.stringify(`Кейс ${SCRIPT}`)}\n---\n\n## What happened {#what-happened}\n\nТекст.\n`,
      'translations/uk/ui.yaml': `__proto__:\n  polluted: yes\nsiteTitle: ${JSON.stringify(SCRIPT)}\n`,
    });
    await symlink(join(outside, 'secret.md'), join(root, 'briefings/case-studies/linked.md'));
    await symlink(join(outside, 'secret.txt'), join(root, 'briefings/case-studies/secret.txt'));

    const result = await briefkit(['build', '--all-countries'], root);
    const report = result.stderr;
    expect(result.code).toBe(1);
    expect(report).not.toMatch(/^\s+at /m);
    expect(report).toContain('Nothing was written');
    // Every problem, each in its own file and at its place.
    expect(report).toMatch(/briefings\/case-studies\/windows\.md:6:13 {2}error {2}Unknown citation key "@nokey"/);
    expect(report).toMatch(/briefings\/case-studies\/linked\.md.*symbolic link.*outside the project/);
    expect(report).toMatch(/briefings\/case-studies\/evil\.md:7:1 .*page\.html/);
    expect(report).toMatch(/briefings\/case-studies\/evil\.md:7:\d+ .*drawing\.svg/);
    expect(report).toMatch(/briefings\/case-studies\/evil\.md:9:\d+ /);
    expect(report).toMatch(/briefings\/case-studies\/evil\.md:11:1 .*outside/);
    expect(report).toMatch(/briefings\/references\.yaml:11:\d+ .*javascript/i);
    expect(report).toMatch(/countries\/ua\.yaml:4:\d+ .*emergency_number/);
    expect(report).toMatch(/translations\/uk\/ui\.yaml:1:1 .*__proto__/);
    expect(report).not.toContain('TOP-SECRET-OUTSIDE');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();

    expect(await snapshot(join(root, 'dist'))).toEqual(before);
    expect(await snapshot(outside)).toEqual(outsideBefore);
    // Nothing beside the project either: only the project and its lock-free output remain.
    expect((await readdir(dirname(root))).filter((name) => name.startsWith(`${root.split('/').pop()}`))).toEqual([root.split('/').pop()]);
  });
});

/** Every way a built HTML or SVG file could run script: script elements, handlers, script URLs. */
/** The scripts the search page loads: Pagefind's interface and briefkit's own, from the site itself. */
const SEARCH_SCRIPTS = /^(\.\.\/)*(pagefind\/pagefind-ui\.js|assets\/search\.js)$/;

function liveScript(tree: Root, allowed: (script: string) => boolean): string[] {
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (node.tagName === 'script') {
      const text = node.children.map((child) => ('value' in child ? child.value : '')).join('');
      const src = node.properties.src;
      if (src !== undefined ? !(typeof src === 'string' && SEARCH_SCRIPTS.test(src) && text === '') : !allowed(text))
        found.push(`<script${src ? ` src=${String(src)}` : ''}>${text.slice(0, 60)}`);
    }
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`${node.tagName} ${name}`);
      // An image in a data: address is drawn as an image, which runs no script: in <img>, and the
      // 404 page's icon (<link rel="icon">, inline because that page is served at any depth).
      const image = node.tagName === 'img' || (node.tagName === 'link' && String(node.properties.rel) === 'icon');
      if (typeof value === 'string' && /^\s*(javascript|vbscript|data):/i.test(value) && !(image && /^data:image\/(png|svg\+xml|jpeg|gif|webp)/i.test(value)))
        found.push(`${node.tagName} ${name}=${value.slice(0, 40)}`);
    }
    if (['iframe', 'object', 'embed', 'base', 'form'].includes(node.tagName)) found.push(`<${node.tagName}>`);
  });
  return found;
}

describe('hostile strings in a sound project', () => {
  it.skipIf(lacks('pdftotext'))('build a site and PDFs where every string is text: no live script in any HTML, SVG or PDF', async () => {
    const root = await makeProject({
      ...SOUND,
      'briefkit.config.yaml':
        `title: ${JSON.stringify(`Site ${SCRIPT}`)}\nlanguages: [en, uk]\norganisation:\n  ` +
        `name: ${JSON.stringify(`Org ${SCRIPT}`)}\n  url: https://example.org/\nvariables:\n  emergency_number: "112"\n`,
      'briefings/brief/index.md': crlf(
        `---\ntitle: ${JSON.stringify(`Brief ${SCRIPT}`)}\nsummary: ${JSON.stringify(SCRIPT)}\ndate: ` +
          `2024-01-02\ncase_studies: [a]\n---\n\n## Why ${SCRIPT.replace(/[<>]/g, '')}\n\nPeers save lives [@ref1]. Call {{emergency_number}}.\n`,
      ),
      'countries/ua.yaml':
        `name: Ukraine\nlanguages: [uk, en]\norganisation:\n  name: ${JSON.stringify(`UA ${SCRIPT}`)}\nvariables:\n  ` +
        `emergency_number: ${JSON.stringify(`103 ${SCRIPT}`)}\n`,
      'translations/uk/case-studies/a.md': `---\ntitle: ${JSON.stringify(`Кейс ${SCRIPT}`)}\n---\n\n## What happened {#what-happened}\n\nТекст [@ref1].\n`,
    });
    const result = await briefkit(['build', '--all-countries'], root);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.code, result.stderr).toBe(0);

    // The one script briefkit writes itself: the language chooser's suggestion, whose only
    // data is JSON with no "<" in it (so no string in it can end the script).
    const template = await readFile(join(import.meta.dirname, '../../templates/pages/languages.hbs'), 'utf8');
    const [before = '', after = ''] = /<script>([\s\S]*?)<\/script>/.exec(template)![1]!.split('{{{json suggestions}}}');
    const allowed = (script: string) => {
      if (!script.startsWith(before) || !script.endsWith(after)) return false;
      const data = script.slice(before.length, script.length - after.length);
      return !data.includes('<') && typeof JSON.parse(data) === 'object';
    };
    const files = await listTree(join(root, 'dist'));
    const problems: string[] = [];
    for (const file of files.filter((path) => /\.(html|svg)$/.test(path))) {
      const text = await readFile(join(root, 'dist', file), 'utf8');
      const tree = fromHtml(text, file.endsWith('.svg') ? { space: 'svg', fragment: true } : {});
      problems.push(...liveScript(tree, allowed).map((problem) => `${file}: ${problem}`));
    }
    expect(problems).toEqual([]);

    const pdfs = files.filter((path) => path.endsWith('.pdf'));
    expect(pdfs.length).toBeGreaterThanOrEqual(4);
    for (const pdf of pdfs) {
      const bytes = await readFile(join(root, 'dist', pdf), 'latin1');
      expect(bytes, pdf).not.toMatch(/\/(JavaScript|JS|Launch|OpenAction|AA)\b/);
    }
    const brief = pdfs.find((path) => path.startsWith('en/brief/'))!;
    const text = (await pdftotext(join(root, 'dist', brief))).replace(/\s+/g, ' ');
    expect(text).toContain("Brief </style></title><script>document.title='pwned'</script>");
    expect(text).toContain('Call 112.');
    const ua = pdfs.find((path) => path.startsWith('ua/') && path.includes('brief'))!;
    expect((await pdftotext(join(root, 'dist', ua))).replace(/\s+/g, ' ')).toContain('103 </style>');
    expect(existsSync(join(root, 'dist', 'pwned'))).toBe(false);
  });
});
