import type { VFile } from 'vfile';
import type { CommonMeta } from '../content-types/common-schema.js';
import type { YamlSource } from './yaml-source.js';

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
}

/** One entry of a page's table of contents. */
export interface TocEntry {
  readonly depth: number;
  readonly id: string;
  readonly text: string;
  /** Set when the heading is in another language than the page (an untranslated section). */
  readonly lang?: string | undefined;
}
