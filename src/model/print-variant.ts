import type { Root } from 'hast';

/**
 * One PDF of a page: most types print one, a training module two (with and without answers).
 * `Label` is the name of an interface string (i18n's `UiKey`): the list of them is i18n's,
 * so the model takes it as a parameter rather than importing it.
 */
export interface PrintVariant<Label extends string> {
  /** Added to the file name: `<slug>.<suffix>.<lang>.pdf`; empty for the main PDF. */
  readonly suffix: string;
  /** The link text of its download button. */
  readonly label: Label;
  /** What this variant changes in the content (a copy), e.g. showing or removing answers. */
  readonly transform?: ((tree: Root, ui: Readonly<Record<Label, string>>) => Root) | undefined;
  /** Said on the cover after the kicker, e.g. "Facilitator's version". */
  readonly cover?: Label | undefined;
}
