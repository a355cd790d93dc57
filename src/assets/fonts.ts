import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** The font families the templates use, as @fontsource-variable packages and stylesheets. */
const LATIN_AND_CYRILLIC = ['latin', 'latin-ext', 'cyrillic', 'cyrillic-ext'];
/**
 * The font families the templates use, as @fontsource-variable packages, their stylesheets,
 * and the Unicode subsets copied into the site (a browser downloads only those a page uses).
 */
const FONTS = [
  { package: '@fontsource-variable/noto-sans', styles: ['wght.css', 'wght-italic.css'], subsets: LATIN_AND_CYRILLIC },
  { package: '@fontsource-variable/noto-serif', styles: ['wght.css'], subsets: LATIN_AND_CYRILLIC },
  { package: '@fontsource-variable/noto-sans-arabic', styles: ['wght.css'], subsets: ['arabic'] },
] as const;

/** Self-hosted fonts: one stylesheet and the font files it points to. */
export interface Fonts {
  /** `@font-face` rules with URLs relative to `assets/fonts.css`. */
  readonly css: string;
  /** Files to copy: output path under `assets/` → absolute source path. */
  readonly files: ReadonlyMap<string, string>;
}

/**
 * Read the bundled font packages and keep the subsets briefkit supports, so the site never
 * asks a font service (or any third party) for anything.
 */
export async function loadFonts(): Promise<Fonts> {
  const rules: string[] = [];
  const files = new Map<string, string>();
  for (const font of FONTS) {
    for (const style of font.styles) {
      const cssPath = require.resolve(`${font.package}/${style}`);
      const css = await readFile(cssPath, 'utf8');
      for (const rule of css.split(/(?=\/\* )/)) {
        const url = /url\(\.\/files\/([^)]+\.woff2)\)/.exec(rule)?.[1];
        if (!url || !font.subsets.some((subset) => url.endsWith(`-${subset}-wght-normal.woff2`) || url.endsWith(`-${subset}-wght-italic.woff2`))) continue;
        files.set(`fonts/${url}`, join(dirname(cssPath), 'files', url));
        rules.push(rule.replace('./files/', 'fonts/').trim());
      }
    }
    const licence = join(dirname(require.resolve(`${font.package}/wght.css`)), 'LICENSE');
    files.set(`fonts/LICENSE-${basename(font.package)}.txt`, licence);
  }
  return { css: `${rules.join('\n\n')}\n`, files };
}
