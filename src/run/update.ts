import type { VFile } from 'vfile';
import { readTranslation } from '../i18n/translations.js';
import type { Page } from '../model/page.js';
import type { Translation } from '../model/translation.js';
import { readListedText } from '../project/read.js';
import { parsePages } from '../stages/parse-pages.js';
import { contentHasErrors } from './content-errors.js';
import { slot } from './make.js';
import type { Dirty, Made, Project, Run } from './types.js';

/** A project with changed files read again, and the pages the change touches. */
export interface Update {
  readonly project: Project;
  /** The source paths of the pages to make again, or `all`: the whole project must be read again. */
  readonly dirty: Dirty;
  /** The files read again, with their problems. */
  readonly files: readonly VFile[];
}

/**
 * What a change to these files touches. The text of existing pages or translations, whose
 * front matter reads the same, touches those pages only (in every language and edition):
 * lists, menus and other pages show front matter, so they stay as they are. Anything else
 * touches `all`: another file (config, templates, a new page), changed front matter, a file
 * that had problems when read, or a run that was not sound. Once the pages are made again,
 * {@link movedTargets} says whether other pages' links into them must be checked again
 * ({@link linkingFiles}).
 */
export async function updateProject(run: Run, changed: readonly string[]): Promise<Update> {
  const { project, clean } = run;
  const all: Update = { project, dirty: 'all', files: [] };
  if (changed.length === 0 || contentHasErrors(project)) return all;
  const { root } = project.options;
  const { pages, sources, translations: translated } = project;
  const kinds = new Map(pages.map((page) => [page.sourcePath, page.kind]));
  const freshPages = new Map<Page, Page>();
  const freshTranslations = new Map<Translation, Translation>();
  for (const path of new Set(changed)) {
    const page = pages.find((candidate) => candidate.file.path === path);
    const translation = page ? undefined : translated.translations.find((candidate) => candidate.file.path === path);
    if (page && clean.has(page.file)) {
      const real = sources.files.get(page.sourcePath);
      if (typeof real !== 'string') return all;
      const file = await readListedText(root, path, real, { sourcePath: page.sourcePath });
      const [fresh] = file.data.unreadable ? [] : parsePages([file]);
      if (!fresh || file.messages.length > 0 || !samePage(page, fresh)) return all;
      freshPages.set(page, fresh);
    } else if (translation && clean.has(translation.file)) {
      const real = translated.files.get(translation.lang)?.get(translation.sourcePath);
      if (typeof real !== 'string') return all;
      const { file, translation: fresh } = await readTranslation(root, translation.lang, translation.sourcePath, real, kinds);
      if (!fresh || file.messages.length > 0 || JSON.stringify(fresh.meta) !== JSON.stringify(translation.meta)) return all;
      freshTranslations.set(translation, fresh);
    } else {
      return all;
    }
  }
  const replaced = new Map<VFile, VFile>([
    ...[...freshPages].map(([old, fresh]): [VFile, VFile] => [old.file, fresh.file]),
    ...[...freshTranslations].map(([old, fresh]): [VFile, VFile] => [old.file, fresh.file]),
  ]);
  const swap = (file: VFile) => replaced.get(file) ?? file;
  const updated: Project = {
    ...project,
    inputs: project.inputs.map(swap),
    sources: { ...sources, markdown: sources.markdown.map(swap) },
    pages: pages.map((page) => freshPages.get(page) ?? page),
    translations: {
      ...translated,
      translations: translated.translations.map((translation) => freshTranslations.get(translation) ?? translation),
      read: translated.read.map(swap),
    },
    overrides: project.overrides.map((override) => {
      const fresh = freshPages.get(override.page);
      return fresh ? { ...override, page: fresh } : override;
    }),
  };
  const dirty = new Set([
    ...[...freshPages.values()].map((page) => page.sourcePath),
    ...[...freshTranslations.values()].map((translation) => translation.sourcePath),
  ]);
  return { project: updated, dirty, files: [...replaced.values()] };
}

/** The input files that are clean in a run updated with these files (read again without problems). */
export function cleanAfter(run: Run, update: Update): Set<VFile> {
  return new Set([...run.clean, ...update.files]);
}

/**
 * The pages made again whose headings (the targets of other pages' anchor links) changed, by
 * source path; `all` when the references they cite changed (the bibliography is the site's).
 */
export function movedTargets(before: Made, after: Made, dirty: ReadonlySet<string>): Set<string> | 'all' {
  const moved = new Set<string>();
  for (const [edition, pages] of before.pages) {
    const remade = new Map(
      after.pages
        .get(edition)!
        .filter((local) => dirty.has(local.page.sourcePath))
        .map((local) => [slot(local), local]),
    );
    for (const local of pages) {
      const fresh = remade.get(slot(local));
      if (!fresh) continue;
      if (!sameList(local.content.citations, fresh.content.citations)) return 'all';
      if (!sameList([...local.content.ids], [...fresh.content.ids])) moved.add(local.page.sourcePath);
    }
  }
  return moved;
}

/**
 * The files of the pages (originals, translations, overrides) that link with an anchor into
 * these pages, but for those already being made again: made again too, their links are
 * checked against the new headings.
 */
export function linkingFiles(run: Run, moved: ReadonlySet<string>, dirty: ReadonlySet<string>): string[] {
  const linking = new Set(
    [...run.made.links].filter(([from, targets]) => !dirty.has(from) && [...targets].some((target) => moved.has(target))).map(([from]) => from),
  );
  const { project } = run;
  return [
    ...project.pages.filter((page) => linking.has(page.sourcePath)).map((page) => page.file.path),
    ...project.translations.translations.filter((translation) => linking.has(translation.sourcePath)).map((translation) => translation.file.path),
    ...project.overrides.filter((override) => linking.has(override.page.sourcePath)).map((override) => override.file.path),
  ];
}

/** The addresses of the pages made from these source paths, in every edition and language (`en/case-studies/a/index.html`). */
export function addresses(made: Made, sourcePaths: ReadonlySet<string>): string[] {
  return [...made.pages].flatMap(([edition, pages]) =>
    pages.filter((local) => sourcePaths.has(local.page.sourcePath)).map((local) => `${edition.prefix}${local.lang}/${local.page.outputPath}`),
  );
}

/** A page read again with the same front matter: same type, address and values. */
function samePage(old: Page, fresh: Page): boolean {
  return old.kind === fresh.kind && old.slug === fresh.slug && old.outputPath === fresh.outputPath && JSON.stringify(old.meta) === JSON.stringify(fresh.meta);
}

function sameList(old: readonly string[], fresh: readonly string[]): boolean {
  return JSON.stringify([...old].sort()) === JSON.stringify([...fresh].sort());
}
