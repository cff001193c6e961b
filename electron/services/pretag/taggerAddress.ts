import net from 'node:net';
import { withUserProblem } from '../problems/userProblems';

/**
 * (#24) Where a tagger URL points, which decides whether articles may be sent there without
 * asking: this computer (127.0.0.0/8, ::1, `localhost`) or the local network (10/8, 172.16/12,
 * 192.168/16, 169.254/16 link-local, fc00::/7 unique-local, fe80::/10 link-local) need no
 * confirmation; anything else does, including every other host name, since a name can resolve
 * anywhere (a LAN tagger by name is confirmed once, and the confirmation is kept per URL).
 */
export type TaggerAddressKind = 'loopback' | 'lan' | 'remote';

export type ClassifiedTaggerUrl = { ok: true; url: URL; kind: TaggerAddressKind } | { ok: false };

function ipv4Kind(address: string): TaggerAddressKind {
  const [a, b] = address.split('.').map(Number);
  if (a === 127) return 'loopback';
  if (a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254)) return 'lan';
  return 'remote';
}

function ipv6Kind(address: string): TaggerAddressKind {
  const lower = address.toLowerCase();
  if (lower === '::1') return 'loopback';
  // An IPv4 address written as IPv6 (::ffff:127.0.0.1) is that IPv4 address.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/u.exec(lower);
  if (mapped) return ipv4Kind(mapped[1]);
  // The same as URL writes it: ::ffff:7f00:1.
  const mappedHex = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/u.exec(lower);
  if (mappedHex) {
    const [high, low] = [Number.parseInt(mappedHex[1], 16), Number.parseInt(mappedHex[2], 16)];
    return ipv4Kind(`${high >> 8}.${high & 0xff}.${low >> 8}.${low & 0xff}`);
  }
  const first = Number.parseInt(lower.split(':')[0] || '0', 16);
  if ((first & 0xfe00) === 0xfc00 || (first & 0xffc0) === 0xfe80) return 'lan';
  return 'remote';
}

/** The host's kind, from the address in the URL only (no name is resolved). */
export function addressKindOfHost(hostname: string): TaggerAddressKind {
  const host = hostname.replace(/^\[|\]$/gu, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return 'loopback';
  if (net.isIPv4(host)) return ipv4Kind(host);
  if (net.isIPv6(host)) return ipv6Kind(host);
  return 'remote';
}

/** The URL parsed and classified; only http: and https: URLs are taggers. */
export function classifyTaggerUrl(raw: string): ClassifiedTaggerUrl {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { ok: false };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false };
  return { ok: true, url, kind: addressKindOfHost(url.hostname) };
}

/** Whether sending to this URL needs the user's explicit confirmation first. */
export function needsConfirmation(kind: TaggerAddressKind): boolean {
  return kind === 'remote';
}

/** A tagger URL that may not be used (yet): not http(s), or remote and not confirmed. Carries its coded problem. */
export class TaggerDestinationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TaggerDestinationError';
  }
}

/**
 * The URL articles may be sent to, normalized; throws when it is not an http(s) URL, or is remote
 * and `isConfirmed` (the settings' per-URL confirmations, or the CLI's --yes) says no. The window
 * asks the user on `taggerNeedsConfirmation` and stores the answer per URL.
 */
export function checkTaggerDestination(raw: string, isConfirmed: (href: string) => boolean): string {
  const classified = classifyTaggerUrl(raw);
  if (!classified.ok) throw withUserProblem(new TaggerDestinationError(`${raw} is not an http:// or https:// URL.`), { code: 'taggerBadUrl', url: raw });
  const { href } = classified.url;
  if (needsConfirmation(classified.kind) && !isConfirmed(href)) {
    throw withUserProblem(new TaggerDestinationError(`${href} is not on this computer or its local network; confirm sending articles there first.`), { code: 'taggerNeedsConfirmation', url: href });
  }
  return href;
}
