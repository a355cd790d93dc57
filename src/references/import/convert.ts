import { logger, plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';

/** A CSL-JSON item as Citation.js makes it: checked later, field by field, against `referenceSchema`. */
export type CslItem = Record<string, unknown>;

/**
 * BibTeX or BibLaTeX text (one entry, maybe after `@string` definitions) as CSL-JSON items.
 * Citation.js decodes LaTeX (`{\"o}` → ö, `--` → –), splits names into family and given
 * parts, and maps entry types (an unknown type becomes `document`). A syntax error throws a
 * SyntaxError whose message says `at line L col C` of `text`.
 */
export function bibtexToCsl(text: string): CslItem[] {
  return convert(text, '@biblatex/text');
}

/** RIS records (`TY  - ` … `ER  - `) as CSL-JSON items. */
export function risToCsl(text: string): CslItem[] {
  return convert(text, '@ris/file');
}

function convert(text: string, forceType: string): CslItem[] {
  try {
    const items = plugins.input.chain(text, { forceType, generateGraph: false });
    return Array.isArray(items) ? items.filter((item): item is CslItem => item !== null && typeof item === 'object' && !Array.isArray(item)) : [];
  } finally {
    // The logger is silent, but it keeps every message: a watching dev server would grow it forever.
    logger._log.length = 0;
  }
}
