/**
 * Issue 9: heading ids are decided in one place (src/markdown/heading-ids.ts), so the site,
 * translation tracking (`i18n status`) and the `{#id}`s `i18n new` writes always agree:
 * citations are not part of an id, headings inside `:::note` count everywhere, a written
 * `{#id}` is never given to another heading, and variables do not make ids differ by edition.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

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

const references =
  '- id: a2020\n  type: report\n  title: Peer naloxone evaluation\n  author:\n    - literal: Sample Network\n  issued: {date-parts: [[2020]]}\n';

/** Ids and text of the page's content headings (the template's own headings left out). */
function headings(html: string): { id: string; text: string }[] {
  const template = new Set(['toc-title', 'references', 'footnote-label']);
  return [...html.matchAll(/<h[2-6][^>]*\bid="([^"]+)"[^>]*>([\s\S]*?)<\/h[2-6]>/g)]
    .map((match) => ({ id: match[1]!, text: match[2]!.replace(/<[^>]*>/g, '').trim() }))
    .filter((heading) => !template.has(heading.id));
}

/** The `{#id}`s in a Markdown text, in order. */
function writtenIds(markdown: string): string[] {
  return [...markdown.matchAll(/^ *#{1,6} .*\{#([^}]+)\}$/gm)].map((match) => match[1]!);
}

/** The section ids recorded in a translation's front matter by `i18n new`. */
function recordedSections(markdown: string): string[] {
  const line = /^source_sections: \{(.*)\}$/m.exec(markdown)?.[1] ?? '';
  return line.split(',').map((entry) => entry.split(':')[0]!.trim().replace(/^"|"$/g, ''));
}

type Status = { languages: { lang: string; files: { path: string; state: string; changed: { id: string; change: string }[] }[] }[] };

describe('a heading with a citation', () => {
  it('has the same id on the site, in the file "i18n new" writes and in "i18n status"; the new translation is current and shows each section once', async () => {
    const root = await makeProject({
      // Author–date, so the page number of the last heading's citation is shown (Vancouver would warn that it is not).
      'briefkit.config.yaml': 'languages: [en, uk]\ncitation_style: apa\n',
      'briefings/references.yaml': references,
      'briefings/case-studies/a.md': caseStudy(
        { title: 'Outreach' },
        '## Context\n\nNight outreach reaches people.\n\n## Results [@a2020]\n\nWorkers reported each use.\n\n## Lessons [-@a2020, p. 12]\n\nPay peers.\n',
      ),
    });
    expect((await buildProject(root)).report).toBe('');
    const site = headings(await readText(join(root, 'dist'), 'en/case-studies/a/index.html'));
    expect(site.map((heading) => heading.id)).toEqual(['context', 'results', 'lessons']);

    expect((await run(root, 'i18n', 'new', 'uk', 'case-studies/a.md')).code).toBe(0);
    const translation = await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8');
    expect(writtenIds(translation)).toEqual(['context', 'results', 'lessons']);
    expect(translation).toContain('## Results [@a2020] {#results}\n');
    expect(recordedSections(translation)).toEqual(['_front', 'context', 'results', 'lessons']);

    const fresh = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as Status;
    expect(fresh.languages[0]!.files[0]).toMatchObject({ path: 'case-studies/a.md', state: 'current' });

    // An edit to the section with the citation is reported under the site's id.
    const path = join(root, 'briefings/case-studies/a.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('each use.', 'each use, by phone.'));
    const edited = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as Status;
    expect(edited.languages[0]!.files[0]!.changed).toEqual([{ id: 'results', title: 'Results [@a2020]', change: 'changed' }]);
    await writeFile(path, (await readFile(path, 'utf8')).replace('each use, by phone.', 'each use.'));

    const built = await buildProject(root);
    expect(built.report).toBe('');
    const uk = await readText(join(root, 'dist'), 'uk/case-studies/a/index.html');
    expect(headings(uk).map((heading) => heading.id)).toEqual(['context', 'results', 'lessons']);
    expect(uk.match(/Workers reported each use\./g)).toHaveLength(1);
  });
});

describe('heading ids agree everywhere', () => {
  const body = [
    '## Background',
    '',
    'Why peers.',
    '',
    ':::note',
    '## Background',
    '',
    'A note with a heading of the same name.',
    ':::',
    '',
    '## Overview {#background-1}',
    '',
    'An explicit id that a generated one would otherwise take.',
    '',
    '## Background',
    '',
    'Again.',
    '',
    '## Naloxone in {{country_name}}',
    '',
    'Call {{emergency_number}}.',
    '',
    '## Background',
    '',
    'And again.',
    '',
  ].join('\n');
  const expected = ['background', 'background-2', 'background-1', 'background-3', 'naloxone-in-country_name', 'background-4'];

  it('inside :::note, repeated, next to a written {#id}, and with a variable in every edition', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\nvariables:\n  country_name: your country\n  emergency_number: "112"\n',
      'countries/ua.yaml': 'name: Ukraine\nlanguages: [uk, en]\nvariables:\n  emergency_number: "103"\n',
      'briefings/case-studies/a.md': caseStudy({ title: 'Outreach' }, body),
    });
    const international = await buildProject(root, { out: join(root, 'out-int') });
    expect(international.report).toBe('');
    const ukraine = await buildProject(root, { out: join(root, 'out-ua'), country: 'ua' });
    expect(ukraine.report).toBe('');
    const en = headings(await readText(join(root, 'out-int'), 'en/case-studies/a/index.html'));
    const uaEn = headings(await readText(join(root, 'out-ua'), 'en/case-studies/a/index.html'));
    expect(en.map((heading) => heading.id)).toEqual(expected);
    expect(uaEn.map((heading) => heading.id)).toEqual(expected);
    expect(en[4]!.text).toBe('Naloxone in your country');
    expect(uaEn[4]!.text).toBe('Naloxone in Ukraine');

    expect((await run(root, 'i18n', 'new', 'uk', 'case-studies/a.md')).code).toBe(0);
    const translation = await readFile(join(root, 'translations/uk/case-studies/a.md'), 'utf8');
    expect(writtenIds(translation)).toEqual(expected);
    // Sections are the top-level headings; the note's heading is inside the first.
    expect(recordedSections(translation).filter((id) => !id.startsWith('_'))).toEqual(expected.filter((id) => id !== 'background-2'));

    const status = JSON.parse((await run(root, 'i18n', 'status', '--json')).stdout) as Status;
    expect(status.languages[0]!.files[0]!.state).toBe('current');

    // The translation, built, has each heading once with the original's ids.
    const translated = await buildProject(root, { out: join(root, 'out-ua2'), country: 'ua' });
    expect(translated.report).toBe('');
    const uk = headings(await readText(join(root, 'out-ua2'), 'uk/case-studies/a/index.html'));
    expect(uk.map((heading) => heading.id)).toEqual(expected);
  });
});
