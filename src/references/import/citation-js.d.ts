/**
 * The part of Citation.js (`@citation-js/*`, which ships no types) that briefkit uses:
 * converting BibTeX and RIS text to CSL-JSON. Only `./convert.ts` imports these modules.
 */
declare module '@citation-js/core' {
  export const plugins: {
    readonly input: {
      /** Convert input of a registered format (`forceType`) to CSL-JSON items; throws on a syntax error. */
      chain(input: unknown, options: { readonly forceType: string; readonly generateGraph?: boolean; readonly target?: string }): unknown;
    };
  };
  /** Citation.js's logger: silent by default, but it keeps every message it is given in `_log`. */
  export const logger: { readonly _log: unknown[] };
}

declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
