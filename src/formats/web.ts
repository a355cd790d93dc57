import type { OutputFormat } from '../output/format.js';
import { renderEditions } from '../stages/render-editions.js';

/** The web pages of every edition and language, their assets, and each edition's site files. */
export const webFormat: OutputFormat = {
  name: 'web',
  async emit(project, made, emitting) {
    await renderEditions(project, made, emitting.pdfs, emitting.formats, emitting.output, emitting.landing);
  },
};
