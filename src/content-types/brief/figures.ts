import type { UiKey } from '../../i18n/strings.js';
import type { Citer } from '../../references/csl/citer.js';
import type { ReferenceLibrary } from '../../references/library.js';
import type { FigureView } from '../../templates/contexts/content-types.js';
import type { LangText } from '../../templates/view-models.js';
import { error } from '../../messages.js';
import type { Page } from '../../model/page.js';
import { closest } from '../../text/closest.js';

interface FigureText {
  readonly value: LangText;
  readonly label: LangText;
  readonly source?: LangText | undefined;
}

/** Key figures for the template: value, label, and the full reference of their source (a key of the reference list). */
export function figuresOf(figures: unknown, citer: Citer, ui: Readonly<Record<UiKey, string>>): FigureView[] {
  return ((figures ?? []) as FigureText[]).map((figure) => {
    const key = figure.source?.text;
    const entry = key === undefined ? undefined : citer.entry(key);
    return { value: figure.value, label: figure.label, source: entry ? { label: ui.source, html: entry.html } : undefined };
  });
}

/** Every key figure's `source:` is a reference in references.yaml; one that is not is an error at it. */
export function checkFigureSources(pages: readonly Page[], references: ReferenceLibrary): void {
  for (const page of pages.filter((candidate) => candidate.kind === 'brief')) {
    const figures: unknown = page.meta.figures;
    if (!Array.isArray(figures)) continue;
    figures.forEach((figure: { source?: unknown }, index) => {
      const key = figure?.source;
      if (typeof key !== 'string' || references.byKey.has(key)) return;
      const suggestion = closest(key, [...references.byKey.keys()]);
      error(page.file, {
        reason: `Unknown source "${key}" for a key figure`,
        rule: 'citation-unknown',
        place: page.yaml?.placeOf(['figures', index, 'source']),
        hint: suggestion ? `Did you mean "${suggestion}"?` : 'Give the id of an entry in briefings/references.yaml.',
      });
    });
  }
}
