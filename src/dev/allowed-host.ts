import { isIP } from 'node:net';
import { hostname } from 'node:os';

/**
 * Whether a request to `briefkit dev` names a host it may answer (issue 27): a web page on
 * another site can make a browser send requests to the preview under the page's own name
 * (DNS rebinding) and read drafts and problems. So only loopback names (`localhost`,
 * `*.localhost`), an IP address (no DNS to rebind), this machine's name and the `--host`
 * given are answered; a request from a page of another origin is refused too.
 */
export function allowedRequest(
  headers: { readonly host?: string | undefined; readonly origin?: string | undefined },
  configuredHost: string | undefined,
): boolean {
  const host = headers.host === undefined ? undefined : hostOf(`http://${headers.host}`);
  if (host === undefined || !allowedName(host, configuredHost)) return false;
  if (headers.origin === undefined) return true;
  const origin = hostOf(headers.origin);
  return origin !== undefined && allowedName(origin, configuredHost);
}

function allowedName(name: string, configuredHost: string | undefined): boolean {
  const bare = name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(bare) !== 0) return true;
  if (bare === 'localhost' || bare.endsWith('.localhost')) return true;
  if (bare === hostname().toLowerCase()) return true;
  return configuredHost !== undefined && bare === configuredHost.replace(/^\[(.*)\]$/, '$1').toLowerCase();
}

/** The host name of an address, or undefined when it is not one (`null` as an origin, garbage). */
function hostOf(address: string): string | undefined {
  try {
    const { hostname: name, protocol } = new URL(address);
    return protocol === 'http:' || protocol === 'https:' ? name : undefined;
  } catch {
    return undefined;
  }
}
