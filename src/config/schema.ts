import { z } from 'zod';
import { variablesSchema } from '../countries/profile.js';
import type { Organisation } from '../model/edition.js';
import type { SameShape } from '../yaml/same-shape.js';
import { hinted, linkUrl, webUrl } from '../yaml/url.js';

/** The longest site address (`base_url`) briefkit takes: every page's address, and its QR code, starts with it. */
export const MAX_BASE_URL = 500;

const languageCode = z.string().refine(isLanguageTag, {
  error: 'is not a language code; use a BCP 47 tag such as en, uk, ar or pt-BR',
});

/** The organisation that publishes the briefings: shown in the header, footer and PDFs. */
export const organisationSchema = z.strictObject({
  name: z.string().describe("The organisation's name, as readers know it."),
  logo: z.string().optional().describe('A picture file in the project (SVG, PNG, …), e.g. branding/logo.svg.'),
  url: linkUrl.optional().describe("The organisation's website (https:, http:, mailto: or tel:)."),
});

// An edition's organisation (the model's) is the config's, or a country's with a contact besides.
true satisfies SameShape<z.output<typeof organisationSchema>, Omit<Organisation, 'contact'>>;

/** `briefkit.config.yaml`: validated once, at the boundary; the rest of the code trusts it. */
export const configSchema = z.strictObject({
  title: z.string().default('Briefings').describe('The name of the website, at the top of every page and in its `<title>`.'),
  description: z.string().optional().describe("One or two sentences about the site: the home page's introduction, and what search engines show."),
  // Every page's address starts with it, and a QR code holds about 2,000 characters at most:
  // a very long one ended in "unexpected error" from the QR library (issue 27).
  base_url: webUrl
    .superRefine((value, context) => {
      if (value.length > MAX_BASE_URL)
        context.addIssue(
          hinted(
            `is ${value.length.toLocaleString('en')} characters long; a site's address may have at most ${MAX_BASE_URL}`,
            'Use the address readers type or scan, e.g. https://example.org/briefings/.',
          ),
        );
    })
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .optional()
    .describe(
      'The address the site will be published at, e.g. `https://example.org/briefings/`: ' +
        'needed for the sitemap, feeds, QR codes, share links and link previews (the site itself uses relative links).',
    ),
  languages: z
    .array(languageCode)
    .min(1, { error: 'needs at least one language; the first is the source language' })
    .default(['en'])
    .describe('The languages of the site (BCP 47 codes such as en, uk, ar, pt-BR); the first is the language the briefings are written in.'),
  organisation: organisationSchema.optional().describe('Who publishes the site: shown in the header, the footer and on the PDFs.'),
  licence: z
    .union([
      z.string(),
      z.strictObject({ name: z.string().describe("The licence's name, e.g. CC BY 4.0."), url: linkUrl.optional().describe('Where its text is.') }),
    ])
    .optional()
    .describe('The licence readers may reuse the work under: a name, or name: and url: (e.g. CC BY 4.0).'),
  paper: z.enum(['A4', 'Letter'], { error: 'is A4 or Letter' }).default('A4').describe('The paper size of the PDFs.'),
  variables: variablesSchema
    .default({})
    .describe('Values of `{{variables}}` in the international edition (country profiles set their own): one text, or one text per language.'),
  products: z
    .array(z.string().trim().min(1, { error: 'is empty: write the name, or remove the line' }))
    .default([])
    .describe(
      'Names of medicines and products (e.g. [Nyxoid, Prenoxad]): a translation or country version that drops or changes one is reported, like a changed dose.',
    ),
  search: z.boolean({ error: 'is true or false' }).default(true).describe('A search box and index in every language (Pagefind); false leaves search out.'),
  citation_style: z
    .string()
    .optional()
    .describe(
      'How citations and reference lists are written: vancouver (the default), apa, ama, chicago-author-date, harvard, ieee, or a .csl file in the project.',
    ),
  citation_styles: z.record(z.string(), z.string()).default({}).describe('A citation style for one content type, e.g. training: apa.'),
  browser: z
    .string()
    .optional()
    .describe('The full path of the browser that prints the PDFs (briefkit finds one by itself without it); never a program inside the project.'),
});

/** The validated configuration. */
export type Config = z.infer<typeof configSchema>;

/** Every key the config accepts at the top level, for "did you mean" hints. */
export const configKeys = Object.keys(configSchema.shape);

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1 && /^[a-z]{2,3}(-[A-Za-z0-9]+)*$/.test(value);
  } catch {
    return false;
  }
}
