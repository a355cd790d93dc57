import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { VFile } from 'vfile';
import { error } from '../messages.js';
import { checkBinaryFile } from './allowed-files.js';

const require = createRequire(import.meta.url);

const LATIN_AND_CYRILLIC = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'];

interface FontSource {
  /** An @fontsource package. */
  readonly package: string;
  /** Its stylesheets to take (`wght.css` for a variable font, `700.css` for a weight). */
  readonly styles: readonly string[];
  /** Unicode subsets copied (a browser downloads only those a page uses). */
  readonly subsets: readonly string[];
  /** The family name to declare, when it must differ from the package's. */
  readonly family?: string;
}

/**
 * Noto Sans, Noto Serif and Noto Sans Mono for Latin and Cyrillic; Vazirmatn for Arabic, whose
 * dotted letters are whole glyphs: in Noto Sans Arabic the dots are separate marks, and text
 * copied or searched in a PDF breaks inside words ("ن موذ ج" for "نموذج").
 * The site uses variable fonts (one file covers every weight). The PDFs use static ones:
 * Chromium embeds a variable font in a PDF as Type 3 glyph drawings, which print and
 * search worse than the TrueType it embeds for a static font. The print families get their
 * own names, so a font that failed to load can never pass for a system font of the same name.
 */
const SITE_FONTS: readonly FontSource[] = [
  { package: '@fontsource-variable/noto-sans', styles: ['wght.css', 'wght-italic.css'], subsets: LATIN_AND_CYRILLIC },
  { package: '@fontsource-variable/noto-serif', styles: ['wght.css'], subsets: LATIN_AND_CYRILLIC },
  { package: '@fontsource-variable/vazirmatn', styles: ['wght.css'], subsets: ['arabic'] },
  { package: '@fontsource-variable/noto-sans-mono', styles: ['wght.css'], subsets: LATIN_AND_CYRILLIC },
];
const PRINT_FONTS: readonly FontSource[] = [
  { package: '@fontsource/noto-sans', styles: ['400.css', '700.css'], subsets: LATIN_AND_CYRILLIC, family: 'Print Sans' },
  { package: '@fontsource/noto-serif', styles: ['400.css', '400-italic.css', '700.css'], subsets: LATIN_AND_CYRILLIC, family: 'Print Serif' },
  { package: '@fontsource/vazirmatn', styles: ['400.css', '700.css'], subsets: ['arabic'], family: 'Print Arabic' },
  { package: '@fontsource/noto-sans-mono', styles: ['400.css'], subsets: LATIN_AND_CYRILLIC, family: 'Print Mono' },
];

/** Self-hosted fonts: stylesheets and the font files they point to. */
export interface Fonts {
  /** `@font-face` rules for the site, with URLs relative to `assets/`. */
  readonly css: string;
  /** `@font-face` rules for the PDFs. */
  readonly printCss: string;
  /** Files to copy: output path under `assets/` → absolute source path. */
  readonly files: ReadonlyMap<string, string>;
  /** Font files whose header does not decode (a broken install), each with its error. */
  readonly damaged: readonly VFile[];
}

/** Where a package's file is: `require.resolve`, or a stand-in for a test. */
export type Resolve = (request: string) => string;
const REINSTALL =
  'This font file comes with briefkit, so its installation is damaged: reinstall it (run npm ci where briefkit is installed, or npm install briefkit again).';

/**
 * Read the bundled font packages and keep the subsets briefkit supports, so neither the
 * site nor a PDF ever depends on a font service or on the fonts of the machine.
 */
export async function loadFonts(resolve: Resolve = require.resolve): Promise<Fonts> {
  const files = new Map<string, string>();
  const damaged: VFile[] = [];
  const css = await stylesheet(SITE_FONTS, files, damaged, resolve);
  const printCss = await stylesheet(PRINT_FONTS, files, damaged, resolve);
  return { css, printCss, files, damaged };
}

async function stylesheet(fonts: readonly FontSource[], files: Map<string, string>, damaged: VFile[], resolve: Resolve): Promise<string> {
  const rules: string[] = [];
  for (const font of fonts) {
    for (const style of font.styles) {
      const cssPath = resolve(`${font.package}/${style}`);
      const css = await readFile(cssPath, 'utf8');
      for (const rule of css.split(/(?=\/\* )/)) {
        const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
        if (!url || !font.subsets.some((subset) => new RegExp(`-${subset}-(wght|\\d+)-(normal|italic)\\.woff2$`).test(url))) continue;
        const path = join(dirname(cssPath), 'files', url);
        // A browser would fall back to another font without a word, and a PDF embed that one.
        const refusal = checkBinaryFile(path, `${font.package}/files/${url}`);
        if (refusal) {
          const file = new VFile({ path });
          error(file, { ...refusal, hint: REINSTALL });
          damaged.push(file);
        }
        files.set(`fonts/${url}`, path);
        let kept = rule.trim().replace(/src: [^;]+;/, `src: url(fonts/${url}) format('${url.includes('-wght-') ? 'woff2-variations' : 'woff2'}');`);
        if (font.family) kept = kept.replace(/font-family: '[^']+';/, `font-family: '${font.family}';`);
        rules.push(kept);
      }
    }
    const licence = join(dirname(resolve(`${font.package}/${font.styles[0]}`)), 'LICENSE');
    files.set(`fonts/LICENSE-${basename(font.package)}.txt`, licence);
  }
  return `${rules.join('\n\n')}\n`;
}
