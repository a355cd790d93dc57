import { toHtml } from 'hast-util-to-html';
import type { UiKey } from '../../i18n/strings.js';
import { formatReference } from '../../references/format.js';
import type { ReferenceLibrary } from '../../references/library.js';
import type { FigureView } from '../../templates/contexts/content-types.js';
import type { LangText } from '../../templates/view-models.js';

interface FigureText {
  readonly value: LangText;
  readonly label: LangText;
  readonly source?: LangText | undefined;
}

/** Key figures for the template: value, label, and the full reference of their source (a key of the reference list). */
export function figuresOf(figures: unknown, references: ReferenceLibrary, ui: Readonly<Record<UiKey, string>>): FigureView[] {
  return ((figures ?? []) as FigureText[]).map((figure) => {
    const key = figure.source?.text;
    const reference = key === undefined ? undefined : references.byKey.get(key);
    return { value: figure.value, label: figure.label, source: reference ? { label: ui.source, html: toHtml(formatReference(reference)) } : undefined };
  });
}
