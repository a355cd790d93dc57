/**
 * A QR code for a URL, as inline SVG (no image file, no network), dark on white; undefined
 * for an address too long for a QR code (about 2,000 characters), which then goes without one
 * rather than stopping the build with the library's error (issue 27).
 */
export async function qrSvg(url: string): Promise<string | undefined> {
  let svg: string;
  try {
    // Loaded when a first code is made: a site with no address to lead to makes none.
    const { default: QRCode } = await import('qrcode');
    svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#083f4a', light: '#ffffff' } });
  } catch {
    return undefined;
  }
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code" ');
}

/** An address with its QR code, as a back page or last slide shows it; none for an address too long for one. */
export async function qrView(url: string): Promise<{ url: string; qr: string } | undefined> {
  const qr = await qrSvg(url);
  return qr === undefined ? undefined : { url, qr };
}
