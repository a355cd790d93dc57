import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

/**
 * Addresses `refs add` never fetches from (issue 27): this machine, private networks, link
 * local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast and reserved
 * ranges, in IPv4 and IPv6 (IPv4 mapped into IPv6 too). A page's title and text land in
 * `references.yaml` and its cache, which users commit: an internal page must not.
 */
const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  PRIVATE.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is one `refs add` does not fetch from. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  // BlockList checks an IPv4-mapped IPv6 address (::ffff:7f00:1) against the IPv4 ranges too.
  return family === 0 || PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/**
 * Why an address may not be fetched, or undefined when it may: only http and https, and a
 * host that is, or whose every DNS address is, public. `BRIEFKIT_REFS_ALLOW_PRIVATE=1` lifts
 * the address rule (for tests, or a mirror on your own network).
 */
export async function refusedAddress(url: URL, env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `${url.protocol} addresses are not fetched`;
  if (env.BRIEFKIT_REFS_ALLOW_PRIVATE === '1') return undefined;
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : (await lookup(host, { all: true, verbatim: true })).map((found) => found.address);
  } catch {
    return undefined; // Not found: the request itself fails, and says so.
  }
  const blocked = addresses.find(isPrivateAddress);
  return blocked === undefined
    ? undefined
    : `${url.host} is ${blocked === host ? 'an address' : `at ${blocked}`} on this machine or a private network, which refs add does not fetch from`;
}
