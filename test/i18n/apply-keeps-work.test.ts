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
import { briefkitHere } from '../helpers/cli.js';
import { buildProject, caseStudy, makeProject, readText } from '../helpers/project.js';

const ORIGINAL = caseStudy(
  { title: 'Peer supply' },
  ['Peers in the city gave out naloxone.', '## Context', 'Overdose deaths were rising.', '## Results', 'Many overdoses were reversed.'].join('\n\n') + '\n',
);

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
  const extracted = await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root });
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

describe("issue 26: i18n apply never loses a translator's work", () => {
  it('leaves a hand translation the PO file adds nothing to exactly as it was, and exits 0', async () => {
    const root = await setUp();
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stderr).not.toContain('--replace');
    expect(applied.stdout).toContain('translations/uk/case-studies/peer.md is up to date: 3 of 3 sections translated');
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toBe(HAND);
  });

  it("keeps the hand translation where the PO file translates a section differently, and says how to take the PO file's", async () => {
    const root = await setUp();
    await translateEntry(root, 'results/1', 'Результати');
    await translateEntry(root, 'results/2', 'Інший переклад.');
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
    expect(applied.code, applied.stderr).toBe(0);
    expect(applied.stdout).toContain(
      'kept the Markdown translation, which the PO file translates differently: Results. Make them agree: correct the ' +
        'entries in the PO file (or the Markdown), then apply again.',
    );
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toContain('Багато передозувань вдалося зупинити.\n\n*Примітка перекладача.*');
  });

  it('refuses --replace, which used to delete the translation, and names --force', async () => {
    const root = await setUp();
    const replaced = await briefkitHere(['i18n', 'apply', 'uk', '--replace'], { cwd: root });
    expect(replaced.code).toBe(2);
    expect(replaced.stderr).toContain('apply no longer takes --replace');
    expect(await readText(root, 'translations/uk/case-studies/peer.md')).toBe(HAND);
  });

  it("with --force writes exactly the PO file's translation", async () => {
    const root = await setUp();
    const forced = await briefkitHere(['i18n', 'apply', 'uk', '--force'], { cwd: root });
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
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translateEntry(root, 'context/1', 'Контекст');
    await translateEntry(root, 'context/2', 'Кількість смертей від передозувань зростала.');
    const applied = await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root });
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
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    const path = join(root, 'briefings/case-studies/peer.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Many overdoses were reversed.', 'Hundreds of overdoses were reversed.'));
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translateEntry(root, 'context/1', 'Контекст (новий)');
    expect((await briefkitHere(['i18n', 'apply', 'uk'], { cwd: root })).code).toBe(0);
    const status = await briefkitHere(['i18n', 'status'], { cwd: root });
    expect(status.stdout).toMatch(/outdated +\d+% +case-studies\/peer\.md\n +changed in the original: Results \(#results\)/);
  });
});

/** Issue 26, found by a translator's review of the fix: more ways apply could make a translation worse, or hide work. */
describe('issue 26: apply, as translators really use it', () => {
  async function applied(root: string, ...args: string[]) {
    const result = await briefkitHere(['i18n', 'apply', 'uk', ...args], { cwd: root });
    expect(result.code, result.stderr).toBe(0);
    return result;
  }

  async function fromPo() {
    const root = await makeProject({ 'briefkit.config.yaml': 'languages: [en, uk]\n', 'briefings/case-studies/peer.md': ORIGINAL });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    for (const [key, text] of [
      ['_start/1', 'Рівні в місті роздавали налоксон.'],
      ['context/1', 'Контекст'],
      ['context/2', 'Смертей ставало більше.'],
      ['results/1', 'Результати'],
      ['results/2', 'Багато передозувань зупинили.'],
    ] as const)
      await translateEntry(root, key, text);
    await applied(root);
    return root;
  }

  it('keeps a correction made by hand in a file made by apply, and reports it', async () => {
    const root = await fromPo();
    const path = join(root, 'translations/uk/case-studies/peer.md');
    await writeFile(path, (await readFile(path, 'utf8')).replace('Смертей ставало більше.', 'Смертей від передозувань ставало більше.'));
    await translateEntry(root, 'results/2', 'Сотні передозувань зупинили.');
    const result = await applied(root);
    expect(result.stdout).toContain('from the PO file: Results');
    const text = await readFile(path, 'utf8');
    expect(text).toContain('Смертей від передозувань ставало більше.');
    expect(text).toContain('Сотні передозувань зупинили.');
    // The PO file, changed for that section too, does not overwrite the correction: it is reported.
    await translateEntry(root, 'context/2', 'Інше.');
    expect((await applied(root)).stdout).toContain('kept the Markdown translation, which the PO file translates differently: Context');
    expect(await readFile(path, 'utf8')).toContain('Смертей від передозувань ставало більше.');
  });

  it('a fuzzy entry accepted as it is makes its section current again', async () => {
    const root = await fromPo();
    const source = join(root, 'briefings/case-studies/peer.md');
    await writeFile(source, (await readFile(source, 'utf8')).replace('Overdose deaths were rising.', 'Overdose deaths were rising fast.'));
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    const po = join(root, 'translations/uk/case-studies/peer.po');
    expect(await readFile(po, 'utf8')).toContain('#, fuzzy');
    // The translator reviews it and keeps the translation as it was (msgattrib --clear-fuzzy).
    await writeFile(po, (await readFile(po, 'utf8')).replace('#, fuzzy\n', ''));
    await applied(root);
    const status = await briefkitHere(['i18n', 'status'], { cwd: root });
    expect(status.stdout).toMatch(/current +\d+% +case-studies\/peer\.md/);
  });

  it('brings along the note a translated section uses when its definition is in a section left out', async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/peer.md': caseStudy(
        { title: 'Peer supply' },
        '## Context\n\nDeaths were rising.[^1]\n\n## Sources\n\nSee below.\n\n[^1]: National records, 2020.\n',
      ),
    });
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    await translateEntry(root, 'context/1', 'Контекст');
    await translateEntry(root, 'context/2', 'Смертей ставало більше.[^1]');
    await applied(root);
    const build = await buildProject(root);
    expect(build.ok, build.report).toBe(true);
    const page = await readText(root, 'dist/uk/case-studies/peer/index.html');
    expect(page).not.toContain('[^1]');
    expect(page).toMatch(/Смертей ставало більше\.<sup><a href="#fn-1"/);
  });

  it("says when a page's XLIFF file is not used because it has a PO file too", async () => {
    const root = await fromPo();
    expect((await briefkitHere(['i18n', 'extract', 'uk', '--format', 'xliff'], { cwd: root })).code).toBe(0);
    const result = await applied(root);
    expect(result.stderr).toContain('translations/uk/case-studies/peer.xlf:1:1  warning  This file is not used: translations/uk/case-studies/peer.po is');
  });

  it("takes the page as a translation's own path, and a caption marker in the translation's language is no conflict", async () => {
    const root = await makeProject({
      'briefkit.config.yaml': 'languages: [en, uk]\n',
      'briefings/case-studies/peer.md': caseStudy(
        { title: 'Peer supply' },
        '## Kits\n\n| Kit | Free |\n| --- | --- |\n| Nasal | Yes |\n\nTable: Kits given out\n',
      ),
      'translations/uk/case-studies/peer.md':
        '---\ntitle: Рівне постачання\n---\n\n## Набори {#kits}\n\n| Набір | Безкоштовно |\n| --- | --- |\n| Назальний | Так |\n\nТаблиця: Видані набори\n',
    });
    // Stamped, so extract fills its entries as translated, and apply compares them with the Markdown.
    expect((await briefkitHere(['i18n', 'stamp', 'uk'], { cwd: root })).code).toBe(0);
    expect((await briefkitHere(['i18n', 'extract', 'uk'], { cwd: root })).code).toBe(0);
    expect(await readText(root, 'translations/uk/case-studies/peer.po')).toContain('msgstr "Видані набори"');
    const result = await applied(root, 'translations/uk/case-studies/peer.po');
    expect(result.stdout).not.toContain('translates differently');
  });
});
