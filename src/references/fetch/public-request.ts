import { lookup } from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Readable } from 'node:stream';
import { isPrivateAddress } from './public-address.js';

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * `dns.lookup` for the connection itself (issue 27): the addresses a name resolves to are
 * checked at the moment of connecting, so a name that answered with a public address when
 * it was checked and with 127.0.0.1 a moment later (DNS rebinding) is still refused.
 */
export function publicLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '');
    const blocked = addresses.find((found) => isPrivateAddress(found.address));
    if (blocked) {
      const refusal: NodeJS.ErrnoException = new Error(
        `${hostname} is at ${blocked.address} on this machine or a private network, which refs add does not fetch from`,
      );
      refusal.code = 'EPRIVATE';
      return callback(refusal, '');
    }
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: 'ENOTFOUND' }), '');
    return callback(null, first.address, first.family);
  });
}

/**
 * A GET request whose connection only ever goes to a public address (unless
 * `BRIEFKIT_REFS_ALLOW_PRIVATE=1`), answered as a fetch `Response`. Redirects are not followed.
 * Node's own fetch cannot be given a lookup, so this uses node:http and node:https.
 */
export function fetchPublic(
  url: URL,
  init: { readonly headers: Record<string, string>; readonly signal: AbortSignal },
  env: NodeJS.ProcessEnv = process.env,
): Promise<Response> {
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const outgoing = request(
      url,
      { headers: init.headers, signal: init.signal, ...(env.BRIEFKIT_REFS_ALLOW_PRIVATE === '1' ? {} : { lookup: publicLookup }) },
      (incoming) => {
        const status = incoming.statusCode ?? 0;
        if (status < 200 || status > 599) {
          incoming.destroy();
          reject(Object.assign(new Error(`the server answered with status ${status}`), { code: 'EPROTO' }));
          return;
        }
        const headers = new Headers();
        for (const [name, value] of Object.entries(incoming.headers)) for (const one of [value ?? []].flat()) headers.append(name, one);
        const empty = status === 204 || status === 205 || status === 304;
        if (empty) incoming.resume();
        resolve(new Response(empty ? null : (Readable.toWeb(incoming) as ReadableStream<Uint8Array>), { status, headers }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end();
  });
}
