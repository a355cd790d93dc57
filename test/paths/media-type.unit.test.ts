/**
 * The media types the preview server and the print pages send. AVIF images, which content may
 * use (assets/allowed-files.ts), went as application/octet-stream: the 404 page's logo had its
 * own table of image types, with AVIF, and the server's had none.
 */
import { describe, expect, it } from 'vitest';
import { imageType, mediaType } from '../../src/paths/media-type.js';

describe('media types', () => {
  it('are the same for images wherever they are asked for, AVIF included', () => {
    for (const [path, type] of [
      ['a.avif', 'image/avif'],
      ['a.PNG', 'image/png'],
      ['a.jpeg', 'image/jpeg'],
      ['logo.svg', 'image/svg+xml'],
    ]) {
      expect(mediaType(path!)).toBe(type);
      expect(imageType(path!)).toBe(type);
    }
  });

  it('are no image type for other files', () => {
    expect(imageType('a.pdf')).toBeUndefined();
    expect(mediaType('a.pdf')).toBe('application/pdf');
    expect(mediaType('a.unknown')).toBe('application/octet-stream');
  });
});
