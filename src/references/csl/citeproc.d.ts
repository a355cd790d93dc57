/** The parts of citeproc-js (https://citeproc-js.readthedocs.io) briefkit uses. */
declare module 'citeproc' {
  interface CiteprocSys {
    retrieveLocale(lang: string): string | undefined;
    retrieveItem(id: string): Record<string, unknown> | undefined;
    wrapCitationEntry?(text: string, itemId: string | undefined, locatorText: string, suffixText: string): string;
  }
  interface CiteprocCitation {
    citationID: string;
    citationItems: readonly Record<string, unknown>[];
    properties: { noteIndex: number };
  }
  class Engine {
    constructor(sys: CiteprocSys, style: string, lang?: string, forceLang?: boolean);
    opt: { development_extensions: Record<string, boolean> };
    /** The references of the last update, in the order of the reference list. */
    registry: { getSortedIds(): string[] };
    updateItems(ids: readonly string[]): void;
    rebuildProcessorState(citations: readonly CiteprocCitation[], format?: string): [string, number, string][];
    makeBibliography(): false | [{ entry_ids: string[][]; 'second-field-align'?: string | false; hangingindent?: boolean }, string[]];
  }
  export type CiteprocEngine = Engine;
  const CSL: { Engine: typeof Engine };
  export default CSL;
}
