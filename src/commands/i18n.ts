import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { VFile } from 'vfile';
import { FORMATS, applyFiles, extractFiles, writeProjectFile } from './i18n-files.js';
import { readProjectTranslations } from './read-translations.js';
import type { ProjectTranslations } from '../i18n/project-state.js';
import { setFrontMatter } from '../i18n/front-matter-edit.js';
import { overrideStatus } from '../i18n/override-status.js';
import { sourceChanges } from '../i18n/source-changes.js';
import type { SourceChange } from '../i18n/source-changes.js';
import { translationStatus } from '../i18n/status.js';
import type { LanguageStatus } from '../i18n/status.js';
import { TRANSLATIONS_DIR } from '../i18n/translations.js';
import { translationFilePath } from '../i18n/translation-files.js';
import { writeHeadingIds } from '../i18n/heading-id-text.js';
import { CONFIG_NAME } from '../config/load.js';
import { shownPath } from '../paths/project-path.js';
import { createProjectFile, editProjectFile } from '../project/write.js';
import { formatReport } from '../report.js';
import { hasErrors } from '../messages.js';
import { readProjectText } from '../project/read.js';
import { termsToCsv, termsToTbx } from '../terms/export-terms.js';
import { readTerms, TERMS_FILE } from '../terms/read-terms.js';
import type { CommandIo } from './io.js';

export const I18N_HELP = `briefkit i18n: keep translations in step with their originals

Usage:
  briefkit i18n status [--lang L] [--json] [--root DIR]
  briefkit i18n new <lang> <path> [--root DIR]
  briefkit i18n stamp <lang> [path…] [--root DIR]
  briefkit i18n stamp --country <code> [path…] [--root DIR]
  briefkit i18n extract <lang> [path…] [--format po|xliff] [--out DIR] [--root DIR]
  briefkit i18n apply <lang> [path…] [--force] [--root DIR]
  briefkit i18n terms [--format tbx|csv] [--lang L] [--out FILE] [--root DIR]

  status   For each language, every file of briefings/ as current, outdated, missing or
           untracked, with the share of words translated; for an outdated file, the
           sections of the original that changed since it was translated.
  new      Start translations/<lang>/<path> from briefings/<path>: a copy of the original
           with {#id} after each heading (keep them: they match sections across languages)
           and a record of the version it starts from.
  stamp    Record that the translations (all of <lang>, or the paths given) now match
           the current originals. Run it after updating a translation. With --country,
           the same for that country's overrides (paths under countries/<code>/overrides/).

  extract  Write a PO file per page (translations/<lang>/<path>.po) for Poedit, Weblate,
           Crowdin or OmegaT, or with --format xliff an XLIFF 2.0 file (.xlf) for memoQ,
           Trados or OmegaT: one entry per heading, paragraph, list item, quote, caption,
           table cell, title and summary, with what and where it is as a comment. --out
           DIR writes them there instead (DIR is made if missing). Run it again after the
           original changes: translations are kept (matched by msgctxt or unit id, or by
           their original text when a tool dropped those), changed entries are marked
           fuzzy with the text they translated, removed ones go (a translated one is
           reported at its line). New entries are filled from the page's Markdown
           translation only where its structure proves the pairing: the same section
           ids, the same kinds of pieces in the same order, the same links, citations,
           {{variables}} and code; the rest is left empty. A filled entry counts as
           translated (PO: no flag; XLIFF: state="translated") when the Markdown
           translation was stamped against that section as it is now; otherwise it is
           marked for review (PO: fuzzy; XLIFF: state="initial" with its target), and
           apply leaves it out until a translator confirms it. With paths, only the
           problems of those pages (and of the settings) are shown.
  apply    Write translations/<lang>/<path> from its PO (or XLIFF) file: every section whose
           entries are all translated (not fuzzy). apply never loses a translation: a
           section the file does not translate keeps the Markdown translation's, and
           where a Markdown translation written by hand translates a section differently,
           it is kept and reported. Sections translated nowhere show the original, with
           a notice. A link address, [@citation], {{variable}}, [^note] or \`code\` lost in
           a translation is an error at its line. --force writes exactly the file's
           translation, even where that loses text of the Markdown translation.

  terms    Export terms.yaml (the terms to use and to avoid in each language) for
           translators' tools: a TBX file (terms.tbx, every language; with --lang L only
           the source language and L, terms.L.tbx, as Weblate reads one) that OmegaT, memoQ
           and Trados import, or with --format csv a source,target CSV per language
           (terms.<lang>.csv). --out FILE writes there instead (with csv, give --lang).

status also lists each country override (countries/<code>/overrides/) as current,
outdated (what it replaces changed since it was stamped) or untracked.

Paths are relative to briefings/, e.g. case-studies/glasgow-peer-supply.md.`;

/** `briefkit i18n …`: returns the exit code. */
export async function runI18n(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      lang: { type: 'string' },
      country: { type: 'string' },
      json: { type: 'boolean' },
      out: { type: 'string' },
      format: { type: 'string' },
      force: { type: 'boolean' },
      replace: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  const [action, ...rest] = positionals;
  if (values.help || !action) {
    (values.help ? io.stdout : io.stderr).write(`${I18N_HELP}\n`);
    return values.help ? 0 : 2;
  }
  const root = resolve(values.root ?? io.cwd);
  const project = await readProjectTranslations(root);
  const languages = project.languages;
  const report = formatReport(action === 'extract' ? extractedFiles(root, project, rest[0], rest.slice(1).map(normalisePath)) : project.files, {
    cwd: io.cwd,
    color: io.color,
  });
  if (report) io.stderr.write(`${report}\n`);
  if (action === 'stamp' && values.country)
    return stampOverrides(
      root,
      project,
      values.country,
      rest.map((path) => path.replace(/\\/g, '/')),
      io,
    );
  if (languages.length < 2 && project.overrides.length === 0) {
    io.stderr.write(
      'briefkit i18n: the project has one language; list more in briefkit.config.yaml, e.g. languages: [en, uk, ar], or in a country ' +
        'profile (countries/<code>.yaml)\n',
    );
    return 2;
  }
  if (action === 'terms') return exportTerms(root, project.languages, project.config.title, values.format, values.lang, values.out, io);
  const lang = action === 'status' ? values.lang : rest[0];
  if (lang !== undefined && !languages.slice(1).includes(lang)) {
    io.stderr.write(`briefkit i18n: "${lang}" is not a translation language of this project (${languages.slice(1).join(', ')})\n`);
    return 2;
  }
  switch (action) {
    case 'status':
      return status(root, project, values.lang, values.json === true, io);
    case 'stamp':
      if (!lang) return usage(io, 'stamp needs a language');
      return stamp(root, project, lang, rest.slice(1).map(normalisePath), io);
    case 'new':
      if (!lang || rest.length !== 2) return usage(io, 'new needs a language and a path');
      return create(root, project, lang, normalisePath(rest[1]!), io);
    case 'extract':
      if (!lang) return usage(io, 'extract needs a language');
      if (!FORMATS[values.format ?? 'po']) return usage(io, `--format is po or xliff, not "${values.format}"`);
      return extractFiles(
        root,
        project,
        lang,
        rest.slice(1).map(normalisePath),
        FORMATS[values.format ?? 'po']!,
        values.out === undefined ? undefined : resolve(io.cwd, values.out),
        io,
      );
    case 'apply':
      if (!lang) return usage(io, 'apply needs a language');
      // --replace once replaced a hand-made translation with a less complete one (issue 26).
      if (values.replace)
        return usage(
          io,
          'apply no longer takes --replace: it now keeps what the Markdown translation has and the PO or XLIFF file ' +
            "lacks. To write exactly the file's translation, use --force",
        );
      return applyFiles(root, project, lang, rest.slice(1).map(normalisePath), values.force === true, io);
    default:
      return usage(io, `unknown action "${action}"`);
  }
}

/**
 * The files whose problems `extract` shows: with paths given, only those originals, their
 * translations into `lang` and the project's settings (not every other page's glossary
 * problems); all otherwise.
 */
function extractedFiles(root: string, project: ProjectTranslations, lang: string | undefined, paths: readonly string[]): readonly VFile[] {
  if (paths.length === 0) return project.files;
  const wanted = new Set([
    join(root, CONFIG_NAME),
    ...paths.flatMap((path) => [project.originals.get(path)?.file.path]),
    ...project.translations
      .filter((translation) => translation.lang === lang && paths.includes(translation.sourcePath))
      .map((translation) => translation.file.path),
  ]);
  return project.files.filter((file) => !file.path || wanted.has(file.path));
}

function usage(io: CommandIo, problem: string): number {
  io.stderr.write(`briefkit i18n: ${problem}\n\n${I18N_HELP}\n`);
  return 2;
}

/** Accept `briefings/x.md`, `./x.md`, `x.md`, or the translation's own path (`translations/uk/x.md`, `….po`, `….xlf`). */
function normalisePath(path: string): string {
  return path
    .replace(/\\/g, '/')
    .replace(/^\.\//, '')
    .replace(/^briefings\//, '')
    .replace(/^translations\/[^/]+\//, '')
    .replace(/\.(?:po|xlf)$/, '.md');
}

async function status(root: string, project: ProjectTranslations, only: string | undefined, json: boolean, io: CommandIo): Promise<number> {
  const languages = project.languages;
  const counted = translationStatus(
    [...project.originals.values()],
    project.infos,
    languages.slice(1).filter((lang) => !only || lang === only),
  );
  // Where a translator's file keeps the text each entry translated, what changed since, word by word.
  const result = await Promise.all(
    counted.map(async (language) => ({
      ...language,
      files: await Promise.all(
        language.files.map(async (file) => {
          if (file.state !== 'outdated') return file;
          const original = project.originals.get(file.path)!;
          return { ...file, sourceChanges: await sourceChanges(root, language.lang, file.path, original.body, original.data, original.fields) };
        }),
      ),
    })),
  );
  const overrides = overrideStatus(project.overrides, project.originals, project.facts);
  if (json) {
    io.stdout.write(`${JSON.stringify({ sourceLanguage: languages[0], languages: result, overrides }, null, 2)}\n`);
    return 0;
  }
  io.stdout.write(`Translations (source language: ${languages[0]})\n`);
  // A missing translation whose PO or XLIFF file is there: its translator's work is not published yet.
  const translatorFile = (lang: string, path: string) =>
    Object.values(FORMATS)
      .map((format) => translationFilePath(lang, path, format))
      .find((file) => existsSync(join(root, file)));
  for (const language of result) io.stdout.write(`\n${formatLanguage(language, (path) => translatorFile(language.lang, path))}\n`);
  if (overrides.length > 0) {
    io.stdout.write('\nCountry overrides\n');
    for (const override of overrides) {
      const note =
        override.state === 'outdated'
          ? '  the original changed since: check the override, then stamp it'
          : override.state === 'untracked'
            ? '  never stamped: briefkit i18n stamp --country ' + override.country
            : '';
      const facts =
        override.factMismatches > 0 ? `  ${plural(override.factMismatches, 'fact differs', 'facts differ')} from the original: see the problems listed` : '';
      io.stdout.write(
        `  ${override.country}  ${override.state.padEnd(9)} countries/${override.country}/overrides/${override.path} → ${override.replaces}${note}${facts}\n`,
      );
    }
  }
  return 0;
}

function formatLanguage(
  language: LanguageStatus & {
    readonly files: readonly (LanguageStatus['files'][number] & { readonly sourceChanges?: readonly SourceChange[] | undefined })[];
  },
  translatorFile: (path: string) => string | undefined = () => undefined,
): string {
  const { counts } = language;
  const lines = [
    `${language.lang}  ${language.percent}% of words translated · ${counts.current} current, ${counts.outdated} outdated, ${counts.missing} ` +
      `missing, ${counts.untracked} untracked${language.factMismatches > 0 ? ` · ${plural(language.factMismatches, 'fact differs', 'facts differ')} from the original` : ''}`,
  ];
  for (const file of language.files) {
    const share = file.percent === null ? '   ?' : `${String(file.percent).padStart(3)}%`;
    lines.push(`  ${file.state.padEnd(9)} ${share}  ${file.path}`);
    if (file.state === 'untracked') lines.push(`                  ${untrackedHint(language.lang, file.path, file.percent === null)}`);
    const waiting = file.state === 'missing' ? translatorFile(file.path) : undefined;
    if (waiting)
      lines.push(
        `                  ${waiting} is there but not applied: run briefkit i18n apply ${language.lang} ${file.path} to publish what is translated in it`,
      );
    if (file.state === 'outdated') {
      const changes =
        file.changed.length > 0
          ? file.changed
              .map(
                (change) => `${change.title}${change.id.startsWith('_') ? '' : ` (#${change.id})`}${change.change === 'changed' ? '' : `, ${change.change}`}`,
              )
              .join('; ')
          : 'unknown (the translation has no section record: stamp it once it is up to date)';
      lines.push(`                  changed in the original: ${changes}`);
      const words = 'sourceChanges' in file ? file.sourceChanges : undefined;
      for (const change of words ?? [])
        lines.push(`                    ${change.section === '_front' ? 'title and summary' : `#${change.section}`}: ${change.diff}`);
    }
    if (file.factMismatches > 0)
      lines.push(
        `                  ${plural(file.factMismatches, 'fact differs', 'facts differ')} from the original (doses, numbers, products): see the problems listed`,
      );
  }
  return lines.join('\n');
}

/** "1 fact differs", "3 facts differ". */
function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** What to do about a translation never stamped: status cannot tell what it translates until it is. */
function untrackedHint(lang: string, path: string, unknownShare: boolean): string {
  const share = unknownShare ? ' (so the share translated is unknown)' : '';
  return `never stamped${share}: when it matches the original, run briefkit i18n stamp ${lang} ${path}`;
}

async function stamp(root: string, project: ProjectTranslations, lang: string, paths: readonly string[], io: CommandIo): Promise<number> {
  const own = project.translations.filter((translation) => translation.lang === lang);
  const chosen = paths.length === 0 ? own : own.filter((translation) => paths.includes(translation.sourcePath));
  for (const path of paths.filter((path) => !own.some((translation) => translation.sourcePath === path))) {
    io.stderr.write(`briefkit i18n: there is no ${TRANSLATIONS_DIR}/${lang}/${path}; start it with: briefkit i18n new ${lang} ${path}\n`);
    return 1;
  }
  for (const translation of chosen) {
    const original = project.originals.get(translation.sourcePath)!;
    const refusal = await editProjectFile(root, translation.file.path, (text) => setFrontMatter(text, sourceRecord(original), ['source_sections']));
    if (refusal) {
      io.stderr.write(`briefkit i18n: ${refusal}\n`);
      return 1;
    }
    io.stdout.write(`stamped ${shownPath(io.cwd, translation.file.path)}\n`);
  }
  if (chosen.length === 0) io.stdout.write(`No translations in ${TRANSLATIONS_DIR}/${lang}/ yet.\n`);
  return 0;
}

async function stampOverrides(root: string, project: ProjectTranslations, country: string, paths: readonly string[], io: CommandIo): Promise<number> {
  const code = country.toLowerCase();
  const all = overrideStatus(project.overrides, project.originals).filter((override) => override.country === code);
  const chosen = paths.length === 0 ? all : all.filter((override) => paths.includes(override.path));
  if (paths.length > 0 && chosen.length !== paths.length) {
    const unknown = paths.filter((path) => !all.some((override) => override.path === path));
    io.stderr.write(`briefkit i18n: no such override in countries/${code}/overrides/: ${unknown.join(', ')}\n`);
    return 1;
  }
  for (const status of chosen) {
    const override = project.overrides.find((candidate) => candidate.country === code && candidate.path === status.path)!;
    if (!status.hash) {
      io.stderr.write(`briefkit i18n: ${status.replaces} does not exist in the original; fix "replaces:" in countries/${code}/overrides/${status.path}\n`);
      return 1;
    }
    const refusal = await editProjectFile(root, override.file.path, (text) => setFrontMatter(text, { source_hash: status.hash! }));
    if (refusal) {
      io.stderr.write(`briefkit i18n: ${refusal}\n`);
      return 1;
    }
    io.stdout.write(`stamped ${shownPath(io.cwd, override.file.path)}\n`);
  }
  if (chosen.length === 0) io.stdout.write(`No overrides in countries/${code}/overrides/.\n`);
  return 0;
}

async function create(root: string, project: ProjectTranslations, lang: string, path: string, io: CommandIo): Promise<number> {
  const original = project.originals.get(path);
  if (!original) {
    io.stderr.write(`briefkit i18n: there is no briefings/${path}\n`);
    return 1;
  }
  const target = join(root, TRANSLATIONS_DIR, lang, path);
  const front: Record<string, unknown> = {};
  if (typeof original.data.title === 'string') front.title = original.data.title;
  if (typeof original.data.summary === 'string') front.summary = original.data.summary;
  const body = writeHeadingIds(original.body.replace(/^\s*\n/, ''));
  const header =
    `---\n# Translation into ${lang} of briefings/${path}. Translate title, summary and text.\n# Keep the {#id} after each heading: it ties ` +
    `the section to the original's.\n---\n`;
  const text = setFrontMatter(`${header}\n${body}`, { ...front, ...sourceRecord(original) }, ['source_sections']);
  const refusal = await createProjectFile(root, target, text);
  if (refusal) {
    const exists = refusal.endsWith('already exists');
    io.stderr.write(`briefkit i18n: ${exists ? `${refusal}; to record that it matches the original, run: briefkit i18n stamp ${lang} ${path}` : refusal}\n`);
    return 1;
  }
  io.stdout.write(`created ${shownPath(io.cwd, target)} from briefings/${path}\n`);
  return 0;
}

function sourceRecord(original: { fingerprint: string; sections: readonly { id: string; hash: string }[] }) {
  return {
    source_hash: original.fingerprint,
    source_sections: Object.fromEntries(original.sections.map((section) => [section.id, section.hash])),
  };
}

/** `i18n terms`: the termbase as TBX, or as CSV per translation language. */
async function exportTerms(
  root: string,
  languages: readonly string[],
  title: string,
  format = 'tbx',
  only: string | undefined,
  out: string | undefined,
  io: CommandIo,
): Promise<number> {
  if (format !== 'tbx' && format !== 'csv') return usage(io, `--format is tbx or csv, not "${format}"`);
  const file = await readProjectText(root, TERMS_FILE);
  if (!file || file.data.unreadable) {
    io.stderr.write(`briefkit i18n: there is no ${TERMS_FILE} to export${file ? '' : ': write one (see docs: Translating, "Terms")'}\n`);
    return 1;
  }
  const entries = readTerms(file);
  if (hasErrors([file])) return 1;
  const source = languages[0]!;
  const targets = only ? [only] : languages.slice(1);
  if (format === 'csv' && (targets.length === 0 || (out && targets.length > 1)))
    return usage(io, targets.length === 0 ? 'a CSV glossary needs a translation language' : 'with --format csv and --out, say which language with --lang');
  const outputs: [string, string][] =
    format === 'tbx'
      ? [[out ? resolve(io.cwd, out) : join(root, only ? `terms.${only}.tbx` : 'terms.tbx'), termsToTbx(entries, source, title, only)]]
      : targets.map((lang) => [out ? resolve(io.cwd, out) : join(root, `terms.${lang}.csv`), termsToCsv(entries, source, lang)]);
  for (const [path, text] of outputs) {
    const refusal = await writeProjectFile(out ? dirname(path) : root, path, text);
    if (refusal) {
      io.stderr.write(`briefkit i18n: ${refusal}\n`);
      return 1;
    }
    io.stdout.write(`wrote ${shownPath(io.cwd, path)}: ${entries.length} ${entries.length === 1 ? 'term' : 'terms'}\n`);
  }
  return 0;
}
