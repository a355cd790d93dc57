/**
 * Issue 26, item 4: `i18n apply` only ever makes a translation better. On a hand-written
 * translation whose text extract could not pair (a translator's note in every section), apply
 * used to refuse, claim the text "went into the PO file", and advise `--replace`, which then
 * deleted the translation. Now it keeps every section the PO file does not translate, keeps a
 * hand translation the PO file translates differently (and says so), and writes exactly the
 * PO file's translation only with `--force`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { po } from 'gettext-parser';
import { describe, expect, it } from 'vitest';
import { briefkit } from '../../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../../helpers/project.js';

const ORIGINAL = caseStudy({ title: 'Peer supply' }, [
  'Peers in the city gave out naloxone.',
  '## Context',
  'Overdose deaths were rising.',
  '## Results',
  'Many overdoses were reversed.',
].join('\n\n') + '\n');

/** Translated by hand, each section with a translator's note the original does not have. */
const HAND = [
  '---',
  'title: Рівне постачання',
  '# our own note, kept',
  '---',
  '',
  'Рівні в місті роздавали налоксон.',
  '',
  '*Примітка перекладача: дані за 2020 рік.*',
  '',
  '## Контекст {#context}',
  '',
  'Кількість смертей від передозувань зростала.',
  '',
  '*Примітка перекладача.*',
  '',
  '## Результати {#results}',
  '',
  'Багато передозувань вдалося зупинити.',
  '',
  '*Примітка перекладача.*',
  '',
].join('\n');

async function setUp() {
  const root = await makeProject({
    'briefkit.config.yaml': 'languages: [en, uk]\n',
    'briefings/case-studies/peer.md': ORIGINAL,
    'translations/uk/case-studies/peer.md': HAND,
  });
  const extracted = await briefkit(['i18n', 'extract', 'uk'], { cwd: root });
  expect(extracted.code, extracted.stderr).toBe(0);
  return root;
}

async function translateEntry(root: string, key: string, text: string): Promise<void> {
  const file = join(root, 'translations/uk/case-studies/peer.po');
  const table = po.parse(await readFile(file));
  const entry = Object.values(table.translations[key]!)[0]!;
  entry.msgstr = [text];
  await writeFile(file, po.compile(table));
}

describe('issue 26: i18n apply never loses a translator\'s work', () => {
  it('leaves a hand translation the PO file adds nothing to exactly as it was, and exits 0', async () => {
    const root = await setUp();
    const applied = await briefkit(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('--replace');
    expect(applied.stdout).toContain('translations/uk/case-studies/peer.md is up to date: 3 of 3 sections translated');
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toBe(HAND);
  });

  it('keeps the hand translation where the PO file translates a section differently, and says how to take the PO file\'s', async () => {
    const root = await setUp();
    await translateEntry(root, 'results/1', 'Результати');
    await translateEntry(root, 'results/2', 'Інший переклад.');
    const applied = await briefkit(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('kept the Markdown translation, which the PO file translates differently: Results. Make them agree, or run apply again with --force');
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toContain('Багато передозувань вдалося зупинити.\n\n*Примітка перекладача.*');
  });

  it('refuses --replace, which used to delete the translation, and names --force', async () => {
    const root = await setUp();
    const replaced = await briefkit(['i18n', 'apply', 'uk', '--replace'], { cwd: root });
    expect(replaced.code).toBe(2);
    expect(replaced.stderr).toContain('apply no longer takes --replace');
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toBe(HAND);
  });

  it('with --force writes exactly the PO file\'s translation', async () => {
    const root = await setUp();
    const forced = await briefkit(['i18n', 'apply', 'uk', '--force'], { cwd: root });
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).not.toContain('Примітка перекладача');
  });

  it('adds what the PO file translates to a hand translation, keeping the rest and its own front matter', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/peer.md': ORIGINAL,
      // Only the beginning is translated by hand; its headings carry no {#id} (there are none).
      'translations/uk/case-studies/peer.md': '---\ntitle: Рівне постачання\n---\n\nРівні в місті роздавали налоксон.\n',
    });
    expect((await briefkit(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translateEntry(root, 'context/1', 'Контекст');
    await translateEntry(root, 'context/2', 'Кількість смертей від передозувань зростала.');
    const applied = await briefkit(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain('2 of 3 sections translated');
    const text = await readText(root, 'translations/uk/case-studies/peer.md');
    expect(text).toContain('title: Рівне постачання');
    expect(text).toContain('Рівні в місті роздавали налоксон.\n\n## Контекст {#context}\n\nКількість смертей від передозувань зростала.');
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/peer/index.html');
    expect(page).toContain('Рівні в місті роздавали налоксон.');
    expect(page).toContain('<h2 id="context">Контекст</h2>');
    expect(page).toContain('Many overdoses were reversed.');
  });

  it('a kept section whose original changed since stays outdated: apply does not stamp it as current', async () => {
    const root = await setUp();
    expect((await briefkit(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    const path = join(root, 'briefings/case-studies/peer.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Many overdoses were reversed.', 'Hundreds of overdoses were reversed.'));
    expect((await briefkit(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translateEntry(root, 'context/1', 'Контекст (новий)');
    expect((await briefkit(['i18n', 'apply', 'uk'], { cwd: root })).code).toBe(0);
    const status = await briefkit(['i18n', 'status'], { cwd: root });
    expect(status.stdout).toMatch(/outdated +\d+% +case-studies\/peer\.md\n +changed in the original: Results \(#results\)/);
  });
});
