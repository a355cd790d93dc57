import QRCode from 'qrcode';

/** A QR code for a URL, as inline SVG (no image file, no network), dark on white. */
export async function qrSvg(url: string): Promise<string> {
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2, color: { dark: '#083f4a', light: '#ffffff' } });
  return svg.replace('<svg ', '<svg role="img" aria-label="QR code" ');
}
