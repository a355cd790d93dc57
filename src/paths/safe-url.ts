/**
 * The one URL rule for links, shared by Markdown (the sanitiser's `href` protocols) and by
 * every address read from YAML (config, country profiles, references, front matter).
 */

import { excerpt } from '../messages.js';

/** Schemes a link may use: the web, e-mail, and phone numbers (a helpline is one tap away). */
export const LINK_SCHEMES: readonly string[] = ['http', 'https', 'mailto', 'tel'];

/** Schemes of a web address that pages are served from (`base_url`). */
export const WEB_SCHEMES: readonly string[] = ['http', 'https'];

/** Why an address was refused, and how to write it instead. */
export interface UrlProblem {
  readonly reason: string;
  readonly hint: string;
}

// Browsers drop tabs and newlines inside URLs and ignore leading spaces and controls, so
// "java\tscript:" runs as "javascript:"; invisible format characters hide what a link is.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Z}\u2028\u2029]/u;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

/**
 * Whether `value` is a complete address with one of `schemes` (default: {@link LINK_SCHEMES});
 * returns what is wrong with it, or undefined if it may become a link.
 */
export function urlProblem(value: string, schemes: readonly string[] = LINK_SCHEMES): UrlProblem | undefined {
  const allowed = `Use an address starting with ${schemes.map((scheme) => (scheme.startsWith('http') ? `${scheme}://` : `${scheme}:`)).join(', ')}.`;
  if (value.trim() === '') return { reason: 'is empty', hint: `Write the address, or remove the line. ${allowed}` };
  const hidden = HIDDEN.exec(value);
  if (hidden) {
    const code = hidden[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0');
    const what = hidden[0] === ' ' ? 'a space' : `a hidden or space character (U+${code})`;
    return { reason: `contains ${what} at character ${hidden.index + 1}`, hint: 'Remove it; write a space inside an address as %20.' };
  }
  if (value.startsWith('//') || value.startsWith('\\')) {
    return {
      reason: `"${excerpt(value)}" has no scheme: it would take the page's own (file: in a PDF or on a USB stick)`,
      hint: `Write it in full. ${allowed}`,
    };
  }
  const scheme = SCHEME.exec(value)?.[1]?.toLowerCase();
  if (scheme === undefined) {
    const host = /^[\w-]+(\.[\w-]+)+([/?#]|$)/.test(value) && schemes.includes('https');
    return { reason: `"${excerpt(value)}" is not a complete address`, hint: host ? `Write it as https://${excerpt(value)}` : allowed };
  }
  if (!schemes.includes(scheme)) {
    return { reason: `"${excerpt(scheme)}:" addresses are not allowed here`, hint: `Only ${schemes.join(', ')} links are allowed. ${allowed}` };
  }
  const web = scheme === 'http' || scheme === 'https';
  if (!URL.canParse(value) || (web && !/^https?:\/\/[^/?#]+/i.test(value))) {
    return { reason: `"${excerpt(value)}" is not a valid ${scheme}: address`, hint: web ? 'Write it as https://example.org/page.' : allowed };
  }
  return undefined;
}

/**
 * A DOI as the path of a https://doi.org/ link: each character that is not safe in a URL
 * path is percent-encoded, so a DOI can add no query, fragment or markup.
 */
export function doiPath(doi: string): string {
  return doi
    .split('/')
    .map((part) => encodeURIComponent(part))
    .join('/');
}
