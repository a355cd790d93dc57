import type { VFile } from 'vfile';
import type { YamlSource } from './yaml-source.js';

/**
 * A translation's own front matter once validated (i18n/translations.ts checks the schema
 * gives this): its title and summary, the stamp `briefkit i18n stamp` writes, and the
 * content type's translatable fields among the other keys.
 */
export interface TranslationMeta {
  title?: string | undefined;
  summary?: string | undefined;
  source_hash?: string | undefined;
  source_sections?: Record<string, string> | undefined;
  applied_sections?: Record<string, string> | undefined;
  [key: string]: unknown;
}

/** A translated Markdown file: `translations/<lang>/<same path as in briefings/>`. */
export interface Translation {
  readonly lang: string;
  readonly sourcePath: string;
  /** The file, front matter masked; messages about the translation go here. */
  readonly file: VFile;
  readonly meta: TranslationMeta;
  readonly yaml: YamlSource | undefined;
}
