import { createHash } from 'node:crypto';
import { constants } from 'node:fs';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { shownPath } from '../../paths/project-path.js';
import { locate } from '../../project/locate.js';
import { refuseWrite } from '../../project/write.js';
import { refusedAddress } from './public-address.js';
import { fetchPublic } from './public-request.js';

/** The project folder where every answer of a service is kept, so each is fetched once. */
export const CACHE_DIR = 'references-cache';

/** How long one request may take, answer included. */
export const TIMEOUT_SECONDS = 20;

/** The most redirects followed for one request. */
const MAX_REDIRECTS = 5;

/** The largest answer read (a web page with everything inlined is rarely 5 MB). */
const MAX_BYTES = 10 * 1024 * 1024;

/** One request to a service, and where its answer is kept. */
export interface CachedRequest {
  /** The project folder. */
  readonly root: string;
  /** The cache's sub-folder for this service: crossref, pubmed, web. */
  readonly service: string;
  /** What the answer is for (a DOI, a PMID, an address), from which its file is named. */
  readonly key: string;
  readonly url: string;
  readonly extension: 'json' | 'xml' | 'html';
  readonly accept: string;
  /** Use only the cache: never the network. */
  readonly offline: boolean;
  /** Whether an answer is worth keeping (an empty "nothing found" is asked again next time). */
  readonly keep?: (text: string) => boolean;
}

/** What a request gave. */
export type Answer =
  | { readonly kind: 'ok'; readonly text: string; readonly fromCache: boolean; readonly cacheFile: string; readonly cacheProblem?: string }
  | { readonly kind: 'not-found'; readonly status: number }
  | { readonly kind: 'rate-limited'; readonly status: number; readonly retryAfter: number | undefined }
  | { readonly kind: 'http-error'; readonly status: number }
  | { readonly kind: 'unreachable'; readonly why: string }
  | { readonly kind: 'too-big' }
  /** An address it does not fetch from (this machine, a private network), or too many redirects. */
  | { readonly kind: 'refused'; readonly why: string }
  | { readonly kind: 'not-cached'; readonly cacheFile: string };

/**
 * The file an answer is kept in, relative to the project: the identifier with anything but
 * letters, digits, `.`, `_` and `-` made `_`, and a short hash of it (so `10.1/a:b` and
 * `10.1/a_b` never share a file).
 */
export function cacheFileOf(service: string, key: string, extension: string): string {
  const safe = key.replace(/[^A-Za-z0-9._-]/g, '_').slice(0, 80);
  const hash = createHash('sha256').update(key).digest('hex').slice(0, 10);
  return `${CACHE_DIR}/${service}/${safe}-${hash}.${extension}`;
}

/**
 * The answer to a request: from the project's cache if it has it (no network at all), else
 * from the service, kept in the cache when it is a success. Failures are answers too, each
 * kind its own, for the command to explain.
 */
export async function fetchCached(request: CachedRequest): Promise<Answer> {
  const cacheFile = cacheFileOf(request.service, request.key, request.extension);
  const path = join(request.root, cacheFile);
  const found = await locate(request.root, path).catch(() => undefined);
  if (found?.kind === 'file') return { kind: 'ok', text: await readFile(found.real, 'utf8'), fromCache: true, cacheFile };
  if (request.offline) return { kind: 'not-cached', cacheFile };
  let response: Response;
  const signal = AbortSignal.timeout(TIMEOUT_SECONDS * 1000);
  // Redirects are followed here, each address checked before it is asked (public-address.ts).
  let url = request.url;
  for (let hop = 0; ; hop++) {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      return { kind: 'refused', why: `${url} is not a web address` };
    }
    const refused = await refusedAddress(target);
    if (refused) return { kind: 'refused', why: refused };
    try {
      response = await fetchPublic(target, { headers: { accept: request.accept, 'user-agent': 'briefkit (refs add)' }, signal });
    } catch (reason) {
      // Refused when connecting: the name now leads to this machine or a private network.
      if ((reason as NodeJS.ErrnoException).code === 'EPRIVATE') return { kind: 'refused', why: (reason as Error).message };
      return { kind: 'unreachable', why: unreachable(reason) };
    }
    const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
    if (location === null) break;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) return { kind: 'refused', why: `it sent more than ${MAX_REDIRECTS} redirects` };
    try {
      url = new URL(location, target).href;
    } catch {
      return { kind: 'refused', why: `it redirected to ${location.slice(0, 100)}, which is not a web address` };
    }
  }
  if (response.status === 404 || response.status === 410) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'not-found', status: response.status };
  }
  if (response.status === 429 || response.status === 503) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'rate-limited', status: response.status, retryAfter: retryAfter(response.headers.get('retry-after')) };
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    return { kind: 'http-error', status: response.status };
  }
  let bytes: Uint8Array | undefined;
  try {
    bytes = await readLimited(response, MAX_BYTES);
  } catch (reason) {
    return { kind: 'unreachable', why: unreachable(reason) };
  }
  if (!bytes) return { kind: 'too-big' };
  const text = decode(bytes, response.headers.get('content-type'), request.extension);
  const cacheProblem = request.keep && !request.keep(text) ? undefined : await keep(request.root, path, text);
  return { kind: 'ok', text, fromCache: false, cacheFile, ...(cacheProblem ? { cacheProblem } : {}) };
}

/** Why a request did not get an answer, as a user can act on it. */
function unreachable(reason: unknown): string {
  const error = reason as { name?: string; code?: string; message?: string; cause?: { code?: string; message?: string } };
  if (error.name === 'TimeoutError' || error.name === 'AbortError') return `it did not answer within ${TIMEOUT_SECONDS} seconds`;
  const code = error.cause?.code ?? error.code;
  switch (code) {
    case 'ECONNREFUSED':
      return 'the connection was refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_FAIL':
      return 'its name could not be looked up (no internet connection?)';
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'ENETDOWN':
      return 'the network cannot be reached (no internet connection?)';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was cut';
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'connecting took too long';
    default:
      if (code && /CERT|SSL|TLS/.test(code)) return `its certificate could not be checked (${code}; is something on this network intercepting connections?)`;
      return code ?? error.cause?.message ?? error.message ?? 'the request failed';
  }
}

/** Seconds to wait, from a Retry-After header (seconds, or an HTTP date). */
function retryAfter(header: string | null): number | undefined {
  if (!header) return undefined;
  if (/^\s*\d+\s*$/.test(header)) return Number(header);
  const when = Date.parse(header);
  return Number.isNaN(when) ? undefined : Math.max(0, Math.ceil((when - Date.now()) / 1000));
}

/** The body, or undefined if it is longer than `limit` bytes (reading stops there). */
async function readLimited(response: Response, limit: number): Promise<Uint8Array | undefined> {
  if (Number(response.headers.get('content-length') ?? 0) > limit) {
    await response.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (!response.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** Text from the bytes, in the character set the answer names (its header, or an HTML or XML declaration), UTF-8 if none. */
function decode(bytes: Uint8Array, contentType: string | null, extension: string): string {
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1');
  const declared =
    /charset\s*=\s*["']?([\w-]+)/i.exec(contentType ?? '')?.[1] ??
    (extension === 'html'
      ? /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1]
      : extension === 'xml'
        ? /<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/i.exec(head)?.[1]
        : undefined);
  try {
    return new TextDecoder(declared ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Keep an answer in the cache (as UTF-8): written beside its place and renamed over it, never
 * through a link. Returns why it could not be kept (the answer is still used).
 */
async function keep(root: string, path: string, text: string): Promise<string | undefined> {
  try {
    const refused = await refuseWrite(root, path);
    if (refused) return refused;
    await mkdir(dirname(path), { recursive: true });
    const again = await refuseWrite(root, dirname(path));
    if (again) return again;
    const temporary = `${path}.briefkit-tmp-${process.pid}`;
    await rm(temporary, { force: true });
    const handle = await open(temporary, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), 0o666);
    try {
      await handle.writeFile(text);
    } finally {
      await handle.close();
    }
    await rename(temporary, path).catch(async (reason: unknown) => {
      await rm(temporary, { force: true });
      throw reason;
    });
    return undefined;
  } catch (reason) {
    return `${shownPath(root, path)} could not be written (${(reason as NodeJS.ErrnoException).code ?? (reason as Error).message})`;
  }
}
