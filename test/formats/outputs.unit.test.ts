/**
 * Issue 30, item 4: content types name the outputs their pages get (`outputs`), and the formats
 * that make files of some pages ask that (`wants`), not the type's other fields.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { CONTENT_TYPES, contentType, wants } from '../../src/content-types/index.js';
import type { ContentType } from '../../src/content-types/content-type.js';
import { OUTPUT_FORMATS } from '../../src/formats/index.js';
import type { Translator } from '../../src/i18n/ui-strings.js';
import type { LocalizedPage } from '../../src/model/localized-page.js';
import type { LinkContext, PrintContext } from '../../src/output/format.js';

/** The formats that print a page's files, and so need its type's print spec. */
const PRINTED = new Set(OUTPUT_FORMATS.filter((format) => format.printJobs).map((format) => format.name));

const translator = { lang: 'en', ui: new Proxy({}, { get: (_, key) => `[${String(key)}]` }), t: (key: string) => `[${key}]` } as unknown as Translator;
const links: LinkContext = { edition: { prefix: '', country: undefined } as LinkContext['edition'], translator, pdfs: new Map(), onDemand: true };
const module = { page: { kind: 'training', slug: 'module', outputPath: 'training/module/index.html' }, lang: 'en' } as unknown as LocalizedPage;

describe('the outputs content types name', () => {
  it('are formats of the list that make files of a page, and the printed ones come with a print spec', () => {
    const pageFormats = new Set(OUTPUT_FORMATS.filter((format) => format.links || format.printJobs).map((format) => format.name));
    for (const type of CONTENT_TYPES) {
      for (const name of type.outputs) expect(pageFormats, `${type.name} names ${name}`).toContain(name);
      if (type.outputs.some((name) => PRINTED.has(name))) expect(type.print, type.name).toBeDefined();
      // A print spec no output uses would be dead, and the help's "types that print" would be wrong.
      expect(type.outputs.includes('pdf'), type.name).toBe(type.print !== undefined);
      // The slides are offered on the share page only.
      if (type.outputs.includes('slides')) expect(type.print?.share, type.name).toBe(true);
    }
  });

  it('are what wants() answers for a page of the type', () => {
    expect(wants({ kind: 'training' }, 'pdf')).toBe(true);
    expect(wants({ kind: 'training' }, 'slides')).toBe(true);
    expect(wants({ kind: 'page' }, 'pdf')).toBe(false);
    expect(wants({ kind: 'no-such-type' }, 'pdf')).toBe(false);
  });
});

describe('a content type that does not name a format', () => {
  // The training module prints, with two PDFs and a share page: only its outputs stop the formats.
  const training = contentType('training')!;
  const named = training.outputs;
  afterEach(() => {
    Object.assign(training, { outputs: named } satisfies Pick<ContentType, 'outputs'>);
  });

  it('gets its files and links while it names them', () => {
    const pdf = OUTPUT_FORMATS.find((format) => format.name === 'pdf')!;
    expect(pdf.links!(module, links).map((file) => file.path)).toEqual(['en/training/module/module.en.pdf', 'en/training/module/module.facilitator.en.pdf']);
  });

  it('gets none of its files or links', async () => {
    Object.assign(training, { outputs: [] } satisfies Pick<ContentType, 'outputs'>);
    for (const format of OUTPUT_FORMATS) {
      expect(format.links?.(module, links) ?? [], format.name).toEqual([]);
      // Nothing to print is decided before the context is read.
      expect((await format.printJobs?.(module, {} as PrintContext)) ?? [], format.name).toEqual([]);
    }
  });

  it('gets only the formats it names', async () => {
    Object.assign(training, { outputs: ['slides'] } satisfies Pick<ContentType, 'outputs'>);
    const pdf = OUTPUT_FORMATS.find((format) => format.name === 'pdf')!;
    const card = OUTPUT_FORMATS.find((format) => format.name === 'card')!;
    expect(pdf.links!(module, links)).toEqual([]);
    expect(await pdf.printJobs!(module, {} as PrintContext)).toEqual([]);
    expect(await card.printJobs!(module, {} as PrintContext)).toEqual([]);
  });
});
