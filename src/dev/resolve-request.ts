import { realpath, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaType } from '../paths/media-type.js';
import { isInside } from '../paths/project-path.js';

/** A file to send (and its address from the site's root, `en/index.html`), or why not. */
export type Resolved = { readonly file: string; readonly type: string; readonly address: string } | Refused;

/** Why a request gets no file. */
export interface Refused {
  readonly status: 400 | 403 | 404;
  readonly reason: string;
}

/**
 * The address inside the site a request path names (`/en/a%20b/` → `en/a b/`), or why it
 * cannot name one: `..` (written or percent-encoded), NUL bytes and backslashes are refused.
 */
export function siteAddress(rawPath: string): { readonly address: string } | Refused {
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath.split('?')[0]!.split('#')[0]!);
  } catch {
    return { status: 400, reason: 'The address is not valid percent-encoding.' };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { status: 400, reason: 'The address has characters no file of the site has.' };
  const parts = decoded.split('/').filter((part) => part !== '' && part !== '.');
  if (parts.some((part) => part === '..')) return { status: 403, reason: 'Only files of the built site are served.' };
  return { address: `${parts.join('/')}${parts.length > 0 && decoded.endsWith('/') ? '/' : ''}` };
}

/**
 * The file of the built site a request path names, only if it is inside the site: `..`
 * (written or percent-encoded), NUL bytes and backslashes are refused, and so is a path that
 * a link inside the output leads out of it. A folder gives its `index.html`.
 */
export async function resolveRequest(siteDir: string, rawPath: string): Promise<Resolved> {
  const named = siteAddress(rawPath);
  if ('status' in named) return named;
  const root = await realpath(siteDir).catch(() => undefined);
  if (!root) return { status: 404, reason: 'The site has not been built yet.' };
  const parts = named.address.split('/').filter((part) => part !== '');
  let path = join(root, ...parts);
  let info = await stat(path).catch(() => undefined);
  if (info?.isDirectory()) {
    path = join(path, 'index.html');
    parts.push('index.html');
    info = await stat(path).catch(() => undefined);
  }
  if (!info?.isFile()) return { status: 404, reason: 'No such page in the site.' };
  const real = await realpath(path).catch(() => undefined);
  if (!real || !isInside(root, real)) return { status: 403, reason: 'Only files of the built site are served.' };
  return { file: real, type: mediaType(real), address: parts.join('/') };
}
