import ipaddr from 'ipaddr.js';

/**
 * Which webhook targets we are willing to call. Registration checks the URL as written; delivery
 * re-checks every address the hostname resolves to (DNS can change after registration).
 */

export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

const MAX_URL_LENGTH = 2048;

/** Names that resolve to the caller's own machine or network by convention, never the public internet. */
const INTERNAL_SUFFIXES = [
  '.localhost',
  '.local',
  '.internal',
  '.localdomain',
  '.home.arpa',
  '.lan',
  '.intranet',
  '.corp',
];

/** IPv6 global unicast (2000::/3) is the only IPv6 space we call; everything else is special. */
const GLOBAL_UNICAST_V6 = ipaddr.parseCIDR('2000::/3');
/** NAT64 well-known prefix: the last 32 bits are an IPv4 address the gateway connects to. */
const NAT64_WKP = ipaddr.parseCIDR('64:ff9b::/96');

function publicIPv4(ip: ipaddr.IPv4): boolean {
  // Everything ipaddr.js classes as special (private, loopback, link-local, CGNAT, multicast,
  // broadcast, unspecified, documentation, benchmarking, reserved, …) is refused.
  return ip.range() === 'unicast';
}

function embeddedIPv4(ip: ipaddr.IPv6): ipaddr.IPv4 {
  const bytes = ip.toByteArray();
  return new ipaddr.IPv4(bytes.slice(12, 16));
}

/** True when `address` (an IP literal) is a public unicast address we may connect to. */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const ip = ipaddr.parse(address);
  if (ip.kind() === 'ipv4') return publicIPv4(ip as ipaddr.IPv4);
  const v6 = ip as ipaddr.IPv6;
  // These reach an IPv4 host, so the IPv4 rules decide (::ffff:127.0.0.1 is loopback).
  if (v6.isIPv4MappedAddress()) return publicIPv4(v6.toIPv4Address());
  if (v6.match(NAT64_WKP)) return publicIPv4(embeddedIPv4(v6));
  // 6to4, Teredo, documentation (2001:db8::/32), ORCHID, benchmarking … are all inside 2000::/3
  // but ipaddr.js names them, so range() is 'unicast' only for ordinary global addresses.
  return v6.match(GLOBAL_UNICAST_V6) && v6.range() === 'unicast';
}

/** The URL's host without IPv6 brackets and without a trailing root dot, lower-cased. */
export function bareHost(url: URL): string {
  let host = url.hostname.toLowerCase();
  if (host.startsWith('[') && host.endsWith(']')) host = host.slice(1, -1);
  while (host.endsWith('.')) host = host.slice(0, -1);
  return host;
}

function internalName(host: string): boolean {
  if (host === 'localhost') return true;
  if (INTERNAL_SUFFIXES.some((s) => host.endsWith(s))) return true;
  // A single-label name ("intranet", "metadata") resolves through local search domains.
  return !host.includes('.');
}

/** '' is the scheme's default (443 for https). */
const WEBHOOK_PORTS: ReadonlySet<string> = new Set(['', '443', '8443']);

export interface GuardOptions {
  /** Local development and tests: http and loopback/private targets allowed. */
  allowPrivate: boolean;
}

/**
 * Checks a webhook URL as written. WHATWG URL parsing already turns every IPv4 spelling
 * (2130706433, 0x7f000001, 0177.0.0.1, 127.1) into dotted decimal, so the range checks see the
 * real address.
 */
export function checkWebhookUrl(raw: string, opts: GuardOptions): UrlVerdict {
  if (raw.length > MAX_URL_LENGTH)
    return { ok: false, reason: `must be at most ${MAX_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'is not a valid absolute URL' };
  }
  if (url.protocol !== 'https:' && !(opts.allowPrivate && url.protocol === 'http:')) {
    return { ok: false, reason: 'must use https' };
  }
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'must not contain credentials' };
  const host = bareHost(url);
  if (host === '') return { ok: false, reason: 'must have a host' };
  if (opts.allowPrivate) return { ok: true, url };
  // Receivers listen on the standard TLS ports; any other port is how internal services get probed.
  if (!WEBHOOK_PORTS.has(url.port)) return { ok: false, reason: 'must use port 443 or 8443' };
  if (ipaddr.isValid(host)) {
    return isPublicAddress(host)
      ? { ok: true, url }
      : { ok: false, reason: 'must not point to a private, loopback, link-local or reserved address' };
  }
  // A dotted all-numeric name that is not a valid IPv4 (e.g. 1.2.3.4.5) is not a hostname either.
  if (/^[\d.]+$/.test(host) || /^0x/i.test(host)) return { ok: false, reason: 'is not a valid host' };
  if (internalName(host)) return { ok: false, reason: 'must not point to localhost or an internal hostname' };
  return { ok: true, url };
}
