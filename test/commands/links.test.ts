/** Issue 12: `briefkit links` prints every share link of a briefing, ready to paste. */
import type { Link } from 'mdast';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { describe, expect, it } from 'vitest';
import { visit } from '../../src/markdown/visit.js';
import { main } from '../../src/cli.js';
import { caseStudy, makeProject } from '../helpers/project.js';

async function run(root: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: root,
    color: false,
  });
  return { code, stdout, stderr };
}

const files = (config: string) => ({
  'briefkit.config.yaml': config,
  'briefings/guide/index.md': '---\ntitle: Guide\ncase_studies: [a]\n---\n\nText.\n',
  'briefings/case-studies/a.md': caseStudy({ title: 'Case A' }),
  'briefings/briefs/ask.md': '---\ntitle: "=HYPERLINK(\\"x\\") [ask]"\nasks:\n  - Fund peers.\n---\n\nText.\n',
  'translations/uk/guide/index.md': '---\ntitle: Посібник\n---\n\nТекст.\n',
  'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\n',
});

describe('briefkit links', () => {
  it('prints each PDF of a briefing in every language and edition, as text, Markdown, CSV or JSON', async () => {
    const root = await makeProject(files('title: Test\nbase_url: https://example.org/kit/\nlanguages: [en, uk]\n'));
    const text = await run(root, 'links', 'guide');
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(
      [
        'Guide (English): https://example.org/kit/en/guide/guide.en.pdf',
        'Посібник (Українська): https://example.org/kit/uk/guide/guide.uk.pdf',
        'Посібник (Українська, UA edition): https://example.org/kit/ua/uk/guide/guide.ua-uk.pdf',
        'Guide (English, UA edition): https://example.org/kit/ua/en/guide/guide.ua-en.pdf',
        '',
      ].join('\n'),
    );
    const markdown = await run(root, 'links', 'guide', '--lang', 'uk', '--country', 'ua', '--format', 'markdown');
    expect(markdown.stdout).toBe(
      '- [Посібник (Українська, UA edition, PDF)](<https://example.org/kit/ua/uk/guide/guide.ua-uk.pdf>) · [share ' +
        'page](<https://example.org/kit/ua/uk/guide/share/index.html>)\n',
    );
    // Pasted into a Markdown file, every line is a link to its PDF and one to its share page.
    const all = await run(root, 'links', '--format', 'markdown');
    const links: string[] = [];
    visit(fromMarkdown(all.stdout), 'link', (node: Link) => void links.push(node.url));
    const rows = JSON.parse((await run(root, 'links', '--format', 'json')).stdout) as { pdf: string; share: string }[];
    expect(links).toEqual(rows.flatMap((row) => [row.pdf, row.share]));
    const json = JSON.parse((await run(root, 'links', '--format', 'json')).stdout) as { slug: string; pdf: string }[];
    expect(new Set(json.map((row) => row.slug))).toEqual(new Set(['guide', 'ask']));
    expect(new Set(json.map((row) => row.pdf)).size).toBe(json.length);
    // A title a spreadsheet would run as a formula stays text.
    const csv = (await run(root, 'links', 'ask', '--lang', 'en', '--country', 'ua', '--format', 'csv')).stdout.split('\n');
    expect(csv[0]).toBe('slug,type,edition,lang,language,title,pdf,page,share');
    expect(csv[1]).toBe(
      `ask,brief,ua,en,English,"'=HYPERLINK(""x"") [ask]",https://example.org/kit/ua/en/briefs/ask/ask.ua-en.pdf,` +
        'https://example.org/kit/ua/en/briefs/ask/index.html,https://example.org/kit/ua/en/briefs/ask/share/index.html',
    );
  });

  it('says base_url is needed, and how to set it', async () => {
    const root = await makeProject(files('title: Test\nlanguages: [en, uk]\n'));
    const result = await run(root, 'links');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('base_url: https://example.org/briefings/');
    expect(result.stdout).toBe('');
  });

  it('names an unknown slug', async () => {
    const root = await makeProject(files('title: Test\nbase_url: https://example.org/kit/\nlanguages: [en, uk]\n'));
    const result = await run(root, 'links', 'gide');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no technical briefing, training module or advocacy brief "gide"');
  });
});

describe('briefkit links titles', () => {
  it('fill in {{variables}} with each edition’s values, as the pages do', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'title: Test\nbase_url: https://example.org/kit/\nlanguages: [en]\nvariables:\n  country_name: your country\n',
      'briefings/guide/index.md': '---\ntitle: "Naloxone in {{country_name}}"\n---\n\nText.\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [en]\n',
    });
    const result = await run(root, 'links', 'guide');
    expect(result.stdout).toBe(
      'Naloxone in your country (English): https://example.org/kit/en/guide/guide.en.pdf\n' +
        'Naloxone in Ukraine (English, UA edition): https://example.org/kit/ua/en/guide/guide.ua-en.pdf\n',
    );
  });
});
