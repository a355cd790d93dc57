import type { Root } from 'hast';
import type { VFile } from 'vfile';
import type { FinalContent } from './final-content.js';
import type { Translation } from './translation.js';
import type { YamlSource } from './yaml-source.js';
import type { Page } from './page.js';

/** How a page reads in one language. */
export type PageState =
  /** in the source language */
  | 'original'
  /** translated in full */
  | 'translated'
  /** translated in part: the other sections are shown in the source language */
  | 'partial'
  /** not translated: the whole text is the source language's */
  | 'fallback';

/** A page as it is written for one language. */
export interface LocalizedPage {
  readonly page: Page;
  readonly lang: string;
  /** The language the briefings are written in (the original of a translation). */
  readonly sourceLang: string;
  readonly state: PageState;
  /** The original changed after the translation was stamped. */
  readonly outdated: boolean;
  readonly title: string;
  readonly summary: string | undefined;
  /** The languages the title and summary are in (a translation may lack either). */
  readonly titleLang: string;
  readonly summaryLang: string;
  /** The files the title and summary come from, for messages about them. */
  readonly titleFrom: MetaOrigin;
  readonly summaryFrom: MetaOrigin;
  /** The type's other translatable front matter fields, each in the language it is written in. */
  readonly fields: Readonly<Record<string, LocalField>>;
  /** The language of the title, summary and main text (the source language for a fallback). */
  readonly contentLang: string;
  /** The whole content as an HTML tree, before numbering (print combines several of these). */
  readonly tree: Root;
  readonly content: FinalContent;
  readonly assets: readonly PageAsset[];
  /** Languages this page is written in (the source language and each translation). */
  readonly writtenIn: readonly string[];
  /** The translation file, if there is one. */
  readonly translation: Translation | undefined;
}

/** Where a title, summary or other translatable field was written: a file, and its front matter positions. */
export interface MetaOrigin {
  readonly file: VFile;
  readonly yaml: YamlSource | undefined;
}

/** A translatable front matter field as one language shows it: its value, the language it is in, and where it was written. */
export interface LocalField {
  readonly value: unknown;
  readonly lang: string;
  readonly from: MetaOrigin;
  /**
   * For a list that a translation translates only in part (its first items), the language
   * and origin of each item: the rest are the original's.
   */
  readonly items?: readonly { readonly lang: string; readonly from: MetaOrigin }[] | undefined;
}

/** A local file a page uses: copied from `from` (absolute) to `<lang>/<to>`. */
export interface PageAsset {
  readonly from: string;
  readonly to: string;
}
