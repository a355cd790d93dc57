/**
 * Issue 27, item 7 (binaries): a corrupt font file among briefkit's own (a broken install)
 * was copied into the site and the PDFs, where a browser silently shows another font. Each
 * font file's header is checked before use: an error on the file, saying to reinstall.
 */
import { cp, stat, truncate } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { fontHeaderProblem } from '../../src/assets/font-header.js';
import { loadFonts } from '../../src/assets/fonts.js';
import { woff2 } from '../helpers/binary-files.js';
import { buildProject, caseStudy, makeProject, temporaryDir } from '../helpers/project.js';

const require = createRequire(import.meta.url);
const FILE = 'noto-sans-latin-400-normal.woff2';

// The build's own loadFonts, reading @fontsource/noto-sans from `broken.package` when it is set.
const broken = vi.hoisted(() => ({ package: undefined as string | undefined }));
vi.mock('../../src/assets/fonts.js', async (original) => {
  const actual = await original<typeof import('../../src/assets/fonts.js')>();
  return { ...actual, loadFonts: () => actual.loadFonts(brokenResolve) };
});
function brokenResolve(request: string): string {
  const [, style] = /^@fontsource\/noto-sans\/(.+)$/.exec(request) ?? [];
  return broken.package && style ? join(broken.package, style) : require.resolve(request);
}

/** A copy of @fontsource/noto-sans (its stylesheets and Latin and Cyrillic files) with one font file cut short. */
async function brokenInstall(): Promise<string> {
  const source = dirname(require.resolve('@fontsource/noto-sans/400.css'));
  const copy = join(await temporaryDir(), 'noto-sans');
  await cp(source, copy, { recursive: true, filter: (path) => !path.endsWith('.woff2') || /-(latin|cyrillic)/.test(path) });
  await truncate(join(copy, 'files', FILE), 100);
  return copy;
}

describe('font file headers', () => {
  it('accepts a sound WOFF2 header', () => {
    expect(fontHeaderProblem(woff2(100), 100)).toBeUndefined();
  });

  it.each<[string, Buffer, number, string]>([
    ['a cut file', woff2(100, 8532), 100, 'its header gives a length of 8532 bytes, but the file has 100'],
    ['garbage', Buffer.from('<html>not a font at all, and long enough to have a header</html>'), 64, 'it does not start with a WOFF or WOFF2 signature'],
    ['a header cut short', woff2(20, 20).subarray(0, 20), 20, 'it ends inside its header'],
    ['no tables', Buffer.from(woff2(100)).fill(0, 12, 14), 100, 'its header lists no font tables'],
    ['an unknown outline type', Buffer.from(woff2(100)).fill(0x41, 4, 8), 100, 'its header names no known outline type (TrueType or CFF)'],
  ])('refuses %s', (_, head, size, problem) => {
    expect(fontHeaderProblem(head, size)).toBe(problem);
  });

  it('passes every font file briefkit ships', async () => {
    const fonts = await loadFonts();
    expect(fonts.files.size).toBeGreaterThan(40);
    expect(fonts.damaged).toEqual([]);
  });
});

describe('a broken install', () => {
  it('loadFonts names the damaged file and says to reinstall', async () => {
    broken.package = await brokenInstall();
    const { size } = await stat(require.resolve(`@fontsource/noto-sans/files/${FILE}`));
    const fonts = await loadFonts();
    expect(fonts.damaged).toHaveLength(1);
    const [file] = fonts.damaged;
    expect(file!.path).toBe(join(broken.package, 'files', FILE));
    expect(file!.messages).toHaveLength(1);
    expect(file!.messages[0]).toMatchObject({
      reason: `"@fontsource/noto-sans/files/${FILE}" is not a usable font: its header gives a length of ${size} bytes, but the file has 100`,
      ruleId: 'font-damaged',
      fatal: true,
    });
    expect(file!.messages[0]!.note).toContain('npm ci');
    broken.package = undefined;
  });

  it('fails the build with the error on the font file', async () => {
    broken.package = await brokenInstall();
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy() });
    const { report, written } = await buildProject(root);
    broken.package = undefined;
    expect(written).toBe(false);
    expect(report).toMatch(
      new RegExp(
        `noto-sans/files/${FILE}\\n +\\S+/noto-sans/files/${FILE} +error +"@fontsource/noto-sans/files/${FILE}" is not a ` +
          `usable font: .* +font-damaged\\n +→ This font file comes with briefkit, so its installation is damaged: reinstall it \\(run npm ci`,
      ),
    );
  });
});

describe("a template's fonts", () => {
  it('refuses a damaged font in templates/assets/, on the file', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy(),
      'templates/assets/brand.woff2': woff2(100, 200),
      'templates/assets/fine.woff2': woff2(64),
    });
    const { report, written } = await buildProject(root);
    expect(written).toBe(false);
    expect(report).toMatch(
      /^templates\/assets\/brand\.woff2\n +templates\/assets\/brand\.woff2 +error +"templates\/assets\/brand\.woff2" is not a usable font: its header gives a length of 200 bytes, but the file has 100 +font-damaged\n +→ Download the font again/,
    );
    expect(report).not.toContain('fine.woff2');
  });
});
