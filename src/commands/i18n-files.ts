import { segmentFactContext, withFacts } from '../facts/segment-facts.js';
import { existsSync } from 'node:fs';
import { mkdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { VFile } from 'vfile';
import { applyTranslationFile } from '../i18n/apply-translation-file.js';
import { mergeTranslation } from '../i18n/merge-translation.js';
import type { MergedTranslation } from '../i18n/merge-translation.js';
import { headingOutline } from '../markdown/heading-ids.js';
import { parseMarkdown } from '../markdown/parse.js';
import { placeEntries, reportUnplaced } from '../i18n/place-entries.js';
import { poFormat } from '../i18n/po-files.js';
import { prefillFrom } from '../i18n/prefill.js';
import type { Prefill } from '../i18n/prefill.js';
import { mergeEntries, translationFilePath } from '../i18n/translation-files.js';
import type { TranslationFile } from '../i18n/translation-files.js';
import { xliffFormat } from '../i18n/xliff-files.js';
import type { ProjectTranslations } from '../i18n/project-state.js';
import { segmentPage } from '../i18n/segments.js';
import { TRANSLATIONS_DIR } from '../i18n/translations.js';
import { capMessages, hasErrors, warn } from '../messages.js';
import { readProjectText } from '../project/read.js';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile, editProjectFile } from '../project/write.js';
import { formatReport } from '../report.js';
import type { CommandIo } from './io.js';

/** The first line of a Markdown translation made from a PO or XLIFF file: apply may replace such a file. */
const MADE_BY_APPLY = '# Made by briefkit i18n apply from';

/** The formats, by the name `--format` takes. */
export const FORMATS: Readonly<Record<string, TranslationFile>> = { po: poFormat, xliff: xliffFormat };

/** Write (or replace) a file of the project. */
export async function writeProjectFile(root: string, target: string, text: string): Promise<string | undefined> {
  return existsSync(target) ? editProjectFile(root, target, () => text) : createProjectFile(root, target, text);
}

/** The originals named (all when none are), or the first name that is not one. */
function chosen(project: ProjectTranslations, paths: readonly string[]): { paths: string[] } | { unknown: string } {
  const unknown = paths.find((path) => !project.originals.has(path));
  if (unknown) return { unknown };
  return { paths: paths.length > 0 ? [...paths] : [...project.originals.keys()].sort() };
}

/**
 * `i18n extract <lang> [path…]`: a PO (or XLIFF) file per page, beside its translation (or
 * under `out`, made if missing). Kept translations (placed by key, or by text when the file
 * lost its keys), fuzzy ones with what they translated, and new entries filled from the
 * page's Markdown translation where its structure proves the pairing (prefill.ts). An old
 * entry with a translation that fits no segment is reported at its line.
 */
export async function extractFiles(
  root: string,
  project: ProjectTranslations,
  lang: string,
  paths: readonly string[],
  format: TranslationFile,
  out: string | undefined,
  io: CommandIo,
): Promise<number> {
  const pick = chosen(project, paths);
  if ('unknown' in pick) {
    io.stderr.write(`briefkit i18n: there is no briefings/${pick.unknown}\n`);
    return 1;
  }
  if (out) await mkdir(out, { recursive: true });
  const files: VFile[] = [];
  for (const path of pick.paths) {
    const original = project.originals.get(path)!;
    const page = withFacts(
      segmentPage(original.body, original.data, original.fields),
      segmentFactContext(project.languages[0]!, lang, project.config.products, original.data),
    );
    const target = out ? join(out, path.replace(/\.md$/, `.${format.extension}`)) : join(root, translationFilePath(lang, path, format));
    // Read as every input is (issue 27): inside the project (or --out), UTF-8, within its size.
    const old = await readProjectText(out ?? root, relative(out ?? root, target));
    const previous = old && !old.data.unreadable ? format.read(old) : undefined;
    if (old) files.push(old);
    if (old && !previous) continue;
    const kept = previous ? placeEntries(page, previous.entries) : undefined;
    if (old && kept) reportUnplaced(old, kept, path, lang, 'extract');
    const translation = project.translations.find((candidate) => candidate.lang === lang && candidate.sourcePath === path);
    const prefill = translation
      ? prefillFrom(
          page,
          segmentPage(String(translation.file.value), translation.meta, original.fields, headingOutline(parseMarkdown(original.body))),
          (section) => translation.meta.source_sections?.[section] === original.sections.find((candidate) => candidate.id === section)?.hash,
        )
      : new Map<string, Prefill>();
    const entries = mergeEntries(page, kept?.placed, prefill);
    // A translation whose original is gone is kept, marked obsolete: extract never loses one.
    const obsolete = (kept?.unplaced ?? []).filter((entry) => entry.target.trim() !== '');
    const text = format.write(lang, path, page, entries, previous?.headers ?? {}, project.languages[0]!, obsolete);
    const refusal = await writeProjectFile(out ? out : root, target, text);
    if (refusal) {
      io.stderr.write(`briefkit i18n: ${refusal}\n`);
      return 1;
    }
    const done = [...entries.values()].filter((entry) => entry.target !== '' && !entry.fuzzy).length;
    const fuzzy = [...entries.values()].filter((entry) => entry.fuzzy).length;
    io.stdout.write(
      `wrote ${shownPath(io.cwd, target)}: ${entries.size} ${entries.size === 1 ? 'entry' : 'entries'}, ${done} ` +
        `translated${fuzzy > 0 ? `, ${fuzzy} to review` : ''}\n`,
    );
  }
  // A translator's file with thousands of broken entries shows its first problems, and how many more there are.
  for (const file of files) capMessages(file);
  const report = formatReport(files, { cwd: io.cwd, color: io.color });
  if (report) io.stderr.write(`${report}\n`);
  return hasErrors(files) ? 1 : 0;
}

/**
 * `i18n apply <lang> [path…]`: the Markdown translation of each page from its PO or XLIFF file,
 * merged with the Markdown translation already there so that nothing a translator wrote is
 * lost (merge-translation.ts); sections translated nowhere are left out (the site shows them in
 * the original, with a notice); a broken placeholder is an error at its line in the PO file.
 * `force` writes exactly the file's translation.
 */
export async function applyFiles(
  root: string,
  project: ProjectTranslations,
  lang: string,
  paths: readonly string[],
  force: boolean,
  io: CommandIo,
): Promise<number> {
  const pick = chosen(project, paths);
  if ('unknown' in pick) {
    io.stderr.write(`briefkit i18n: there is no briefings/${pick.unknown}\n`);
    return 1;
  }
  const files: VFile[] = [];
  let failed = false;
  let applied = 0;
  for (const path of pick.paths) {
    // A page has a PO file or an XLIFF file; with both, the PO file is used.
    const format = Object.values(FORMATS).find((candidate) => existsSync(join(root, translationFilePath(lang, path, candidate))));
    if (!format) {
      if (paths.length > 0) {
        io.stderr.write(
          `briefkit i18n: there is no ${translationFilePath(lang, path, poFormat)} or .xlf; make it with: briefkit i18n extract ${lang} ${path}\n`,
        );
        failed = true;
      }
      continue;
    }
    const file = (await readProjectText(root, translationFilePath(lang, path, format)))!;
    files.push(file);
    if (file.data.unreadable) continue;
    // The other file of the page, if there is one, is not read: its translator must know.
    for (const other of Object.values(FORMATS).filter(
      (candidate) => candidate !== format && existsSync(join(root, translationFilePath(lang, path, candidate))),
    )) {
      const ignored = new VFile({ path: join(root, translationFilePath(lang, path, other)), cwd: io.cwd });
      warn(ignored, {
        reason: `This file is not used: ${translationFilePath(lang, path, format)} is (a page takes one translator's file, the PO file when there are both)`,
        rule: 'translation-file-ignored',
        place: { line: 1, column: 1 },
        hint: 'Keep the file you translate in and delete the other; to move work between them, open both in your tool or extract again in the format you use.',
      });
      files.push(ignored);
    }
    const read = format.read(file);
    if (!read) continue;
    const original = project.originals.get(path)!;
    const page = segmentPage(original.body, original.data, original.fields);
    // By key, or by text when the file lost its keys; what fits nowhere is a warning at its line.
    const { placed, unplaced, ambiguous } = placeEntries(page, read.entries);
    reportUnplaced(file, { unplaced, ambiguous }, path, lang, 'apply');
    const facts = segmentFactContext(project.languages[0]!, lang, project.config.products, original.data);
    const result = applyTranslationFile(original.body, original.data, original.fields, page, placed, format, file, facts);
    if (hasErrors([file])) continue;
    const target = join(root, TRANSLATIONS_DIR, lang, path);
    const shown = shownPath(io.cwd, target);
    const translation = project.translations.find((candidate) => candidate.lang === lang && candidate.sourcePath === path);
    const text = translation && existsSync(target) ? await readFile(target, 'utf8') : undefined;
    const existing =
      text === undefined || !translation
        ? undefined
        : { text, body: String(translation.file.value), meta: translation.meta, madeByApply: text.includes(MADE_BY_APPLY) };
    const header = `${MADE_BY_APPLY} ${translationFilePath(lang, path, format)}: translate there, then run it again.`;
    // Sections the file says need review (the original changed since they were translated).
    const review = new Set(
      page.segments
        .filter((segment) => {
          const entry = placed.get(segment.key);
          return entry !== undefined && entry.target.trim() !== '' && (entry.fuzzy || entry.source !== segment.text);
        })
        .map((segment) => segment.section),
    );
    const merged = mergeTranslation({ ...original, outline: headingOutline(parseMarkdown(original.body)) }, result, existing, header, { force, review });
    if ('refused' in merged) {
      io.stderr.write(`briefkit i18n: ${shown} was not changed: ${merged.refused}.\n`);
      failed = true;
      continue;
    }
    if (merged.text === text) {
      io.stdout.write(`${applyReport(shown, merged, format, false)}\n`);
      continue;
    }
    const refusal = await writeProjectFile(root, target, merged.text);
    if (refusal) {
      io.stderr.write(`briefkit i18n: ${refusal}\n`);
      return 1;
    }
    applied++;
    io.stdout.write(`${applyReport(shown, merged, format)}\n`);
  }
  // A translator's file with thousands of broken entries shows its first problems, and how many more there are.
  for (const file of files) capMessages(file);
  const report = formatReport(files, { cwd: io.cwd, color: io.color });
  if (report) io.stderr.write(`${report}\n`);
  if (applied === 0 && files.length === 0 && !failed)
    io.stdout.write(`No PO or XLIFF files in ${TRANSLATIONS_DIR}/${lang}/ yet: make them with briefkit i18n extract ${lang}\n`);
  return failed || hasErrors(files) ? 1 : 0;
}

/** What apply tells the translator it did to one page. */
function applyReport(shown: string, merged: Exclude<MergedTranslation, { refused: string }>, format: TranslationFile, wrote = true): string {
  const { translated, total } = merged;
  const counted = `${translated} of ${total} ${total === 1 ? 'section' : 'sections'} translated`;
  const lines = [
    wrote ? `wrote ${shown}: ${counted}${translated < total ? ' (the others show the original, with a notice)' : ''}` : `${shown} is up to date: ${counted}`,
  ];
  const file = format.extension === 'po' ? 'the PO file' : 'the XLIFF file';
  if (merged.fromFile.length > 0) lines.push(`  from ${file}: ${merged.fromFile.join('; ')}`);
  if (wrote && merged.kept.length > 0) lines.push(`  kept from the Markdown translation (${file} does not translate them yet): ${merged.kept.join('; ')}`);
  if (merged.outdated.length > 0)
    lines.push(`  shown in the original until ${file}'s entries for them are reviewed (the original changed): ${merged.outdated.join('; ')}`);
  if (merged.conflicts.length > 0)
    lines.push(
      `  kept the Markdown translation, which ${file} translates differently: ${merged.conflicts.join('; ')}. ` +
        `Make them agree: correct the entries in ${file} (or the Markdown), then apply again. (--force would write ${file}'s translation and drop ` +
        `everything only the Markdown has.)`,
    );
  return lines.join('\n');
}
