import { parsePages } from '../stages/parse-pages.js';
import { readVersions } from '../versions/released.js';
import { versionSources } from '../versions/version-pages.js';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contentType, typesInWords } from '../content-types/index.js';
import { ONE_PDF } from '../content-types/content-type.js';
import { nativeName } from '../i18n/languages.js';
import { hasErrors } from '../messages.js';
import { pdfPath } from '../pdf/print-document.js';
import { formatReport } from '../report.js';
import { readProjectText } from '../run/read.js';
import { chooseEditions, EMPTY_OUTPUT } from '../stages/choose-editions.js';
import { shareAddress } from '../templates/share-view.js';
import { webAddress } from '../paths/urls.js';
import { VFile } from 'vfile';
import { substituteText } from '../markdown/remark-variables.js';
import { knownVariables } from '../stages/make-editions.js';
import type { CommandIo } from './io.js';

export const LINKS_HELP = `briefkit links: every share link of a briefing, to paste into a webinar chat or a mailing

Usage:
  briefkit links [slug] [--lang L] [--country C] [--format text|markdown|csv|json] [--root DIR]

  slug          Only this ${typesInWords('shared', 'one')} (default: all of them)
  --lang L      Only this language
  --country C   Only this country's edition (default: the international edition and every country's;
                addresses are those of a site built with --all-countries)
  --format F    text (default), markdown (a list of links), csv or json

Prints, for each language and edition, the PDF's address and its share page's (the page
that lists every PDF with QR codes). The addresses are made from base_url in
briefkit.config.yaml, which links need.`;

const FORMATS = ['text', 'markdown', 'csv', 'json'] as const;

/** One PDF to share. */
interface LinkRow {
  readonly slug: string;
  readonly type: string;
  readonly edition: string;
  readonly lang: string;
  readonly language: string;
  readonly title: string;
  readonly pdf: string;
  readonly page: string;
  readonly share: string;
}

/** `briefkit links …`: returns the exit code. */
export async function runLinks(argv: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      root: { type: 'string' },
      lang: { type: 'string' },
      country: { type: 'string' },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout.write(`${LINKS_HELP}\n`);
    return 0;
  }
  const format = (values.format ?? 'text') as (typeof FORMATS)[number];
  if (positionals.length > 1 || !FORMATS.includes(format)) {
    io.stderr.write(
      `briefkit links: ${positionals.length > 1 ? `give one slug, not "${positionals.join(' ')}"` : `--format is one of ${FORMATS.join(', ')}, not "${values.format}"`}` +
        `\n\n${LINKS_HELP}\n`,
    );
    return 2;
  }
  const root = resolve(io.cwd, values.root ?? '.');
  // Addresses as a site built with --all-countries has them (a country's edition in its own folder).
  const options = { root, outDir: resolve(root, 'dist'), allCountries: true };
  const project = await readProjectText(options);
  const allEditions = chooseEditions(options, project.config, project.profiles, EMPTY_OUTPUT, project.run);
  const files = [...project.inputs, project.run];
  if (hasErrors(files)) {
    io.stderr.write(`${formatReport(files, { cwd: root, color: io.color })}\n`);
    return 1;
  }
  const baseUrl = project.config.config.base_url;
  if (!baseUrl) {
    io.stderr.write(
      'briefkit links: links to share need the address the site is published at.\n' +
        'Add it to briefkit.config.yaml, e.g.\n  base_url: https://example.org/briefings/\n',
    );
    return 1;
  }
  const source = project.config.config.languages[0]!;
  const variables = knownVariables(project.config.config, project.profiles.profiles);
  const titles = new Map(project.translations.translations.map((translation) => [`${translation.lang}\n${translation.sourcePath}`, translation.meta.title]));
  const address = (path: string) => webAddress(baseUrl, path);
  const rows: LinkRow[] = [];
  const editions = allEditions.filter((edition) => values.country === undefined || edition.country === values.country.toLowerCase());
  if (editions.length === 0) {
    io.stderr.write(`briefkit links: no country edition "${values.country}": the editions are in countries/<code>.yaml.\n`);
    return 1;
  }
  // Each page's earlier released versions follow it, at their own addresses (issue 33).
  const { versions } = await readVersions(root);
  const earlier = versionSources(root, project.pages, versions, (file) => parsePages([file])[0]).pages;
  for (const edition of editions) {
    for (const page of [...project.pages, ...earlier]) {
      const print = contentType(page.kind)?.print;
      if (!print?.share || (positionals[0] !== undefined && page.slug !== positionals[0])) continue;
      for (const lang of edition.languages.filter((candidate) => !values.lang || candidate === values.lang)) {
        const latestPath = page.superseded ? page.sourcePath.replace(/@[^@/]*\.md$/, '.md') : page.sourcePath;
        const written = (lang === source ? undefined : titles.get(`${lang}\n${latestPath}`)) ?? page.meta.title;
        // {{variables}} in titles take the edition's values, as on the pages (problems are the build's to report).
        const title =
          substituteText(written, { file: new VFile(), place: undefined }, lang, edition, variables) +
          (page.superseded ? ` (V.${page.superseded.version})` : '');
        for (const variant of print.variants ?? ONE_PDF) {
          rows.push({
            slug: page.slug,
            type: page.kind,
            edition: edition.country ?? 'international',
            lang,
            language: nativeName(lang),
            title: variant.suffix ? `${title} (${variant.suffix})` : title,
            pdf: address(`${edition.prefix}${pdfPath({ page, lang }, variant.suffix, edition)}`),
            page: address(`${edition.prefix}${lang}/${page.outputPath}`),
            share: shareAddress(baseUrl, edition, lang, page.outputPath),
          });
        }
      }
    }
  }
  if (rows.length === 0) {
    io.stderr.write(
      `briefkit links: no ${typesInWords('shared', 'one')}${positionals[0] ? ` "${positionals[0]}"` : ''}` + `${values.lang ? ` in ${values.lang}` : ''}.\n`,
    );
    return 1;
  }
  io.stdout.write(`${formatted(rows, format)}\n`);
  return 0;
}

function formatted(rows: readonly LinkRow[], format: (typeof FORMATS)[number]): string {
  const edition = (row: LinkRow) => (row.edition === 'international' ? '' : `, ${row.edition.toUpperCase()} edition`);
  switch (format) {
    case 'json':
      return JSON.stringify(rows, null, 2);
    case 'csv':
      return [Object.keys(rows[0]!).join(','), ...rows.map((row) => Object.values(row).map(csvField).join(','))].join('\n');
    case 'markdown':
      return rows.map((row) => `- [${markdownText(row.title)} (${row.language}${edition(row)}, PDF)](<${row.pdf}>) · [share page](<${row.share}>)`).join('\n');
    default:
      return rows.map((row) => `${row.title} (${row.language}${edition(row)}): ${row.pdf}`).join('\n');
  }
}

/** A CSV field; one a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) is kept as text. */
function csvField(value: string): string {
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Text that stays text inside a Markdown link's label. */
function markdownText(text: string): string {
  return text.replace(/[\\[\]*_`<>]/g, (character) => `\\${character}`);
}
