import { z } from 'zod';
import { variablesSchema } from '../countries/profile.js';
import { hinted, linkUrl, webUrl } from '../yaml/url.js';

/** The longest site address (`base_url`) briefkit takes: every page's address, and its QR code, starts with it. */
export const MAX_BASE_URL = 500;

const languageCode = z.string().refine(isLanguageTag, {
  error: 'is not a language code; use a BCP 47 tag such as en, uk, ar or pt-BR',
});

/** The organisation that publishes the briefings: shown in the header, footer and PDFs. */
export const organisationSchema = z.strictObject({
  name: z.string(),
  logo: z.string().optional(),
  url: linkUrl.optional(),
});

/** `briefkit.config.yaml`: validated once, at the boundary; the rest of the code trusts it. */
export const configSchema = z.strictObject({
  title: z.string().default('Briefings'),
  description: z.string().optional(),
  // Every page's address starts with it, and a QR code holds about 2,000 characters at most:
  // a very long one ended in "unexpected error" from the QR library (issue 27).
  base_url: webUrl
    .superRefine((value, context) => {
      if (value.length > MAX_BASE_URL) context.addIssue(hinted(`is ${value.length.toLocaleString('en')} characters long; a site's address may have at most ${MAX_BASE_URL}`, 'Use the address readers type or scan, e.g. https://example.org/briefings/.'));
    })
    .transform((value) => (value.endsWith('/') ? value : `${value}/`))
    .optional(),
  languages: z
    .array(languageCode)
    .min(1, { error: 'needs at least one language; the first is the source language' })
    .default(['en']),
  organisation: organisationSchema.optional(),
  licence: z.union([z.string(), z.strictObject({ name: z.string(), url: linkUrl.optional() })]).optional(),
  /** Paper size of the PDFs. */
  paper: z.enum(['A4', 'Letter'], { error: 'is A4 or Letter' }).default('A4'),
  /** Values of `{{variables}}` in the international edition (country profiles set their own). */
  variables: variablesSchema.default({}),
  /** A search box in every language (Pagefind); `false` leaves it out. */
  search: z.boolean({ error: 'is true or false' }).default(true),
  /** How citations and reference lists are written: a built-in style (vancouver, apa, ama, …) or a .csl file in the project. */
  citation_style: z.string().optional(),
  /** A style for one content type, e.g. `training: apa`. */
  citation_styles: z.record(z.string(), z.string()).default({}),
  /** The browser that prints the PDFs, by its full path (briefkit finds one by itself without it). */
  browser: z.string().optional(),
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
