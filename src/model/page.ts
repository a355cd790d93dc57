import type { VFile } from 'vfile';
import type { YamlSource } from './yaml-source.js';

/** One author, normalised from a name or a `{name, affiliation}` mapping. */
export interface Author {
  readonly name: string;
  /** Where the author works. */
  readonly affiliation?: string | undefined;
  /** A web page about the author. */
  readonly url?: string | undefined;
  /** Unknown keys are kept for templates. */
  readonly [key: string]: unknown;
}

/**
 * Validated front matter every page has (each content type adds its own keys). The schema
 * (content-types/common-schema.ts) is checked at compile time to give exactly this; its
 * arrays are the ones the schema makes, hence not readonly.
 */
export interface CommonMeta {
  /** Its one top-level heading, and its name in menus, lists and PDFs. */
  readonly title: string;
  /** A shorter title for the menu. */
  readonly menu_title?: string | undefined;
  /** One or two sentences, shown on cards, in search results and link previews. */
  readonly summary?: string | undefined;
  /** The date of this version, YYYY-MM-DD. */
  readonly date?: string | undefined;
  /** The page's address instead of its file name. */
  readonly slug?: string | undefined;
  readonly tags: string[];
  readonly authors: Author[];
  /** Where the page comes in its lists and the menu: lower numbers first. */
  readonly order?: number | undefined;
  /** A citation style of its own: a built-in name or a .csl file in the project. */
  readonly citation_style?: string | undefined;
  /** Sections whose facts must be the same in every translation (issue 32). */
  readonly safety_sections?: string[] | undefined;
  /** Unknown keys are kept for templates. */
  readonly [key: string]: unknown;
}

/** A source page: a Markdown file under `briefings/` of one content type (see content-types/). */
export interface Page<Meta extends CommonMeta = CommonMeta> {
  /** The name of its content type (`briefing`, `case-study`, `training`, …). */
  readonly kind: string;
  /** Its web address under `<lang>/` (folders joined with `/` for plain pages). */
  readonly slug: string;
  readonly meta: Meta;
  /** The Markdown file, front matter masked; every message about the page goes here. */
  readonly file: VFile;
  /** Path of the source under `briefings/`, with forward slashes (e.g. `case-studies/glasgow.md`). */
  readonly sourcePath: string;
  /** Where the page is written under `dist/<lang>/` (e.g. `case-studies/glasgow/index.html`). */
  readonly outputPath: string;
  /** Positions of the front matter values, for messages. */
  readonly yaml: YamlSource | undefined;
  /** For an earlier released version of a page (issue 33): which, and the page that replaces it. */
  readonly superseded?: Superseded | undefined;
}

/** An earlier released version of a page, shown at its own address, marked as replaced. */
export interface Superseded {
  readonly version: string;
  readonly date: string;
  /** The version the page is at now (its `version:`). */
  readonly latestVersion: string;
  /** Where the latest version is written, under `<lang>/`. */
  readonly latest: string;
}

/** One entry of a page's table of contents. */
export interface TocEntry {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
  /** Set when the heading is in another language than the page (an untranslated section). */
  readonly lang?: string | undefined;
}
