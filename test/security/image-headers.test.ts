/**
 * Issue 27, item 7 (binaries): a logo that is a PNG signature followed by garbage, or a
 * 30000 × 30000 PNG, was published (and printed: Chromium allocates gigabytes for it). Every
 * raster image briefkit publishes has its header decoded first, wherever it comes from: a
 * page, the config's logo, a country profile's logo, a template's assets.
 */
import { describe, expect, it } from 'vitest';
import { readImageHeader } from '../../src/assets/image-header.js';
import type { ImageFormat } from '../../src/assets/image-header.js';
import { avif, gif, jpeg, png, PNG_SIGNATURE, webp } from '../helpers/binary-files.js';
import { buildProject, caseStudy, listTree, makeProject } from '../helpers/project.js';

const header = (format: ImageFormat, bytes: Buffer) => readImageHeader(format, (offset, length) => bytes.subarray(offset, offset + length), bytes.length);
const garbage = Buffer.concat([PNG_SIGNATURE, Buffer.from('garbage, not an IHDR chunk at all')]);
const HINT = 'Export the image again as PNG or JPEG from an image editor.';

describe('image headers', () => {
  it.each<[ImageFormat, Buffer]>([
    ['png', png(3, 2)],
    ['jpeg', jpeg(3, 2)],
    ['jpeg', jpeg(3, 2, 60_000)],
    ['gif', gif(3, 2)],
    ['webp', webp(3, 2)],
    ['avif', avif(3, 2)],
  ])('reads the size of a %s', (format, bytes) => {
    expect(header(format, bytes)).toEqual({ width: 3, height: 2 });
  });

  it.each<[string, ImageFormat, Buffer, string]>([
    ['a PNG signature and garbage', 'png', garbage, 'it has no IHDR chunk after its signature'],
    ['a PNG whose IHDR fails its CRC', 'png', Buffer.from(png(3, 2)).fill(0x41, 29, 33), 'its IHDR chunk fails its checksum'],
    ['a PNG of width 0', 'png', png(0, 2, { pixels: false }), 'its header gives a size of 0 × 2 pixels'],
    ['a JPEG cut before its frame', 'jpeg', jpeg(3, 2).subarray(0, 12), 'it ends before its frame header'],
    ['a JPEG with image data and no frame', 'jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0xff, 0xd9]), 'it has no frame header before its image data'],
    ['a JPEG with garbage after its start', 'jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 2, 0x41, 0x41, 0x41]), 'a marker is missing at byte 6'],
    ['a GIF cut in its header', 'gif', Buffer.from('GIF89a\x03'), 'it ends inside its header'],
    ['a WebP without a VP8 header', 'webp', Buffer.from('RIFF\x20\0\0\0WEBPJUNKjunkjunkjunkjunkjunk'), 'it has no VP8, VP8L or VP8X header'],
    ['an AVIF without a size', 'avif', avif(3, 2, { ispe: false }), 'it has no image size (ispe) property'],
  ])('refuses %s', (_, format, bytes, damaged) => {
    expect(header(format, bytes)).toEqual({ damaged });
  });
});

describe('images in pages', () => {
  const page = async (name: string, bytes: Buffer) => {
    const root = await makeProject({ 'briefings/case-studies/a.md': caseStudy({}, `Intro.\n\n![x](${name})\n`), [`briefings/case-studies/${name}`]: bytes });
    return { root, ...(await buildProject(root)) };
  };

  it.each<[string, string, Buffer, string, string]>([
    ['a PNG signature and garbage', 'pic.png', garbage, 'is not a readable PNG image: it has no IHDR chunk after its signature', 'image-damaged'],
    ['a truncated JPEG', 'pic.jpg', jpeg(3, 2).subarray(0, 12), 'is not a readable JPEG image: it ends before its frame header', 'image-damaged'],
    ['a GIF of height 0', 'pic.gif', gif(3, 0), 'is not a readable GIF image: its header gives a size of 3 × 0 pixels', 'image-damaged'],
    [
      'a 30000 × 30000 PNG',
      'pic.png',
      png(30_000, 30_000, { pixels: false }),
      'is 30000 × 30000 pixels, more than briefkit publishes (at most 16,384 on a side and 64 million in all): a browser needs 3.6 GB of memory to show it',
      'image-too-large',
    ],
    ['a 128-megapixel WebP', 'pic.webp', webp(16_000, 8_000), 'is 16000 × 8000 pixels, more than briefkit publishes', 'image-too-large'],
    ['an AVIF 20,000 pixels wide', 'pic.avif', avif(20_000, 100), 'is 20000 × 100 pixels', 'image-too-large'],
  ])('refuses %s at the image', async (_, name, bytes, reason, rule) => {
    const { report, written } = await page(name, bytes);
    expect(written).toBe(false);
    expect(report).toMatch(
      new RegExp(`briefings/case-studies/a\\.md:8:1 +error +"${name.replace('.', '\\.')}" ${reason.replace(/[()×.]/g, '\\$&')}.* +${rule}`),
    );
    expect(report).toContain(rule === 'image-damaged' ? HINT : 'Scale the image down in an image editor');
  });

  it('publishes images with sound headers, up to the limits', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy({}, '![a](a.png) ![b](b.jpg) ![c](c.gif) ![d](d.webp) ![e](e.avif) ![f](f.png)\n'),
      'briefings/case-studies/a.png': png(2, 2),
      'briefings/case-studies/b.jpg': jpeg(8688, 5792, 60_000), // a 50-megapixel camera's photo, its frame after 60 kB of EXIF
      'briefings/case-studies/c.gif': gif(1, 1),
      'briefings/case-studies/d.webp': webp(16_384, 100),
      'briefings/case-studies/e.avif': avif(640, 480),
      'briefings/case-studies/f.png': png(8000, 8000, { pixels: false }),
    });
    const { report, written } = await buildProject(root);
    expect(report).toBe('');
    expect(written).toBe(true);
    expect(await listTree(`${root}/dist/en/case-studies/a`)).toEqual(['a.png', 'b.jpg', 'c.gif', 'd.webp', 'e.avif', 'f.png', 'index.html']);
  });
});

describe('logos', () => {
  const withLogo = (bytes: Buffer, where: 'config' | 'country' = 'config') =>
    makeProject({
      'briefings/case-studies/a.md': caseStudy(),
      'branding/logo.png': bytes,
      ...(where === 'config'
        ? { 'briefkit.config.yaml': 'title: T\norganisation:\n  name: X\n  logo: branding/logo.png\n' }
        : { 'countries/ua.yaml': 'name: Ukraine\nlanguages: [en]\nvariables: {}\norganisation:\n  name: K\n  logo: branding/logo.png\n' }),
    });

  it('refuses a logo that is a PNG signature and garbage, at its line in the config', async () => {
    const { report, written } = await buildProject(await withLogo(garbage));
    expect(written).toBe(false);
    expect(report).toMatch(
      /briefkit\.config\.yaml:4:9 +error +"branding\/logo\.png" is not a readable PNG image: it has no IHDR chunk after its signature +image-damaged/,
    );
    expect(report).toContain(HINT);
  });

  it('refuses a 30000 × 30000 logo, in the config and in a country profile', async () => {
    const huge = png(30_000, 30_000, { pixels: false });
    const config = await buildProject(await withLogo(huge));
    expect(config.report).toMatch(
      /briefkit\.config\.yaml:4:9 +error +"branding\/logo\.png" is 30000 × 30000 pixels, more than briefkit publishes .* +image-too-large/,
    );
    const country = await buildProject(await withLogo(huge, 'country'), { country: 'ua' });
    expect(country.report).toMatch(/countries\/ua\.yaml:6:9 +error +"branding\/logo\.png" is 30000 × 30000 pixels/);
  });

  it('publishes a sound PNG logo', async () => {
    const { report, written } = await buildProject(await withLogo(png(40, 20)));
    expect(report).toBe('');
    expect(written).toBe(true);
  });
});

describe("a template's assets", () => {
  it('refuses a damaged or huge image in templates/assets/, on the file, and copies the rest', async () => {
    const root = await makeProject({
      'briefings/case-studies/a.md': caseStudy(),
      'templates/assets/bad.png': garbage,
      'templates/assets/huge.jpg': jpeg(30_000, 30_000),
      'templates/assets/good.png': png(2, 2),
    });
    const { report, written } = await buildProject(root);
    expect(written).toBe(false);
    expect(report).toMatch(
      /\n +templates\/assets\/bad\.png +error +"templates\/assets\/bad\.png" is not a readable PNG image: it has no IHDR chunk after its signature +image-damaged/,
    );
    expect(report).toMatch(/\n +templates\/assets\/huge\.jpg +error +"templates\/assets\/huge\.jpg" is 30000 × 30000 pixels/);
    expect(report).not.toContain('good.png');
  });
});
