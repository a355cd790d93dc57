import { formatDate } from '../i18n/format.js';
import { nativeName } from '../i18n/languages.js';
import type { Translator } from '../i18n/ui-strings.js';
import { FRONT } from '../i18n/sections.js';
import type { LocalizedPage } from '../model/localized-page.js';
import type { Views } from '../templates/view-models.js';
import type { LayoutContext } from '../templates/contexts/layout.js';
import type { VersionChanges } from './changes.js';

/** `pages/changes.hbs`: what changed in a page since its previous version, in one language. */
export interface ChangesContext extends LayoutContext {
  readonly changes: ChangesView;
}

export interface ChangesView {
  readonly heading: string;
  readonly intro: string;
  /** The page itself (the latest version). */
  readonly back: { readonly href: string; readonly label: string };
  readonly none: string | undefined;
  readonly sections: readonly {
    readonly title: string;
    readonly label: string;
    readonly href: string | undefined;
    readonly diff: readonly { readonly text: string; readonly added: boolean; readonly removed: boolean }[] | undefined;
  }[];
  /** The language the diffs are in (the original's), when it is not the page's. */
  readonly diffLang: string | undefined;
  readonly legend: string;
  readonly caseStudies: readonly { readonly heading: string; readonly items: readonly { readonly title: string; readonly href: string | undefined }[] }[];
  /** A translation's sections whose original changed after it was made: they may show an older text. */
  readonly stale: { readonly text: string; readonly sections: readonly string[] } | undefined;
}

/** Where a page's changes page is written, beside it: `<slug>/changes/index.html`. */
export function changesPath(outputPath: string): string {
  return outputPath.replace(/(?:index)?\.html$/, '') + 'changes/index.html';
}

/** The box on the page that says what changed since the previous version, linking to its changes page. */
export function changesBox(
  changes: VersionChanges,
  local: LocalizedPage,
  views: Views,
  translator: Translator,
): { title: string; summary: string; href: string; link: string } {
  return {
    title: translator.t('whatChanged', { since: changes.since.version }),
    summary: changesSummary(changes, local.content.toc, translator),
    href: views.href(changesPath(local.page.outputPath)),
    link: translator.ui.whatChangedLink,
  };
}

/** The changes in a line: "Introduction (rewritten); Practice lessons (rewritten); case studies added: 1." Headings as the page in this language has them. */
export function changesSummary(changes: VersionChanges, toc: readonly { readonly id: string; readonly text: string }[], translator: Translator): string {
  const { ui } = translator;
  const headings = new Map(toc.map((entry) => [entry.id, entry.text]));
  const labels = { added: ui.changeAdded, removed: ui.changeRemoved, rewritten: ui.changeRewritten, moved: ui.changeMoved };
  const sections = changes.sections.map(
    (section) =>
      `${section.id === FRONT ? ui.changeFront : (headings.get(section.id) ?? section.title)} (${labels[section.change].toLocaleLowerCase(translator.lang)})`,
  );
  const studies = [
    ...(changes.caseStudies.added.length > 0 ? [`${ui.changesCaseStudiesAdded}: ${changes.caseStudies.added.length}`] : []),
    ...(changes.caseStudies.dropped.length > 0 ? [`${ui.changesCaseStudiesDropped}: ${changes.caseStudies.dropped.length}`] : []),
  ];
  return [...sections, ...studies].join('; ');
}

/**
 * The changes page's view in the language of `local`: each changed section under its heading
 * as this language shows it (the original's for a section it lacks), the word diff of the
 * original's text, the case studies added or dropped, and for a translation, the sections
 * whose original changed after it was made (`current` are the original's section hashes now).
 */
export function changesView(
  changes: VersionChanges,
  local: LocalizedPage,
  views: Views,
  translator: Translator,
  current: Readonly<Record<string, string>>,
  caseStudy: (slug: string) => { title: string; href: string } | undefined,
): ChangesView {
  const { ui } = translator;
  const headings = new Map(local.content.toc.map((entry) => [entry.id, entry.text]));
  const labels = { added: ui.changeAdded, removed: ui.changeRemoved, rewritten: ui.changeRewritten, moved: ui.changeMoved };
  const title = (id: string, fallback: string) => (id === FRONT ? ui.changeFront : (headings.get(id) ?? fallback));
  const stamped = local.translation?.meta.source_sections ?? {};
  const stale = Object.keys(stamped).filter((id) => current[id] !== undefined && current[id] !== stamped[id] && id !== FRONT);
  const studies = (heading: string, slugs: readonly string[]) =>
    slugs.length === 0 ? [] : [{ heading, items: slugs.map((slug) => caseStudy(slug) ?? { title: slug, href: undefined }) }];
  return {
    heading: translator.t('changesTitle', { version: String(local.page.meta.version) }),
    intro: translator.t('changesIntro', { since: changes.since.version, date: formatDate(changes.since.date, local.lang) ?? changes.since.date }),
    back: { href: views.href(local.page.outputPath), label: ui.changesBack },
    none:
      changes.sections.length === 0 && changes.caseStudies.added.length + changes.caseStudies.dropped.length === 0
        ? translator.t('changesNone', { since: changes.since.version })
        : undefined,
    sections: changes.sections.map((section) => ({
      title: title(section.id, section.title),
      label: labels[section.change],
      href: section.change === 'removed' || section.id.startsWith('_') ? undefined : `${views.href(local.page.outputPath)}#${section.id}`,
      diff: section.diff?.map((part) => ({ text: part.text, added: part.change === 'added', removed: part.change === 'removed' })),
    })),
    diffLang: local.lang === local.sourceLang ? undefined : local.sourceLang,
    legend: ui.diffLegend,
    caseStudies: [...studies(ui.changesCaseStudiesAdded, changes.caseStudies.added), ...studies(ui.changesCaseStudiesDropped, changes.caseStudies.dropped)],
    stale:
      stale.length > 0
        ? { text: translator.t('changesStale', { original: nativeName(local.sourceLang) }), sections: stale.map((id) => title(id, id)) }
        : undefined,
  };
}
