import ipaddr from 'ipaddr.js';
import { z } from 'zod';

/** One entry of a host inventory or of a rule: an address or network as an interval, or a DNS name. */
export type HostAddress =
  | { kind: 'ip'; text: string; version: 4 | 6; from: bigint; to: bigint }
  | { kind: 'name'; text: string; name: string };

const BITS = { 4: 32, 6: 128 } as const;
/** What an address, a network or a DNS name may hold: anything else (quotes, spaces, `;`, `$`) is refused outright. */
const ADDRESS_CHARACTERS = /^[A-Za-z0-9.:/-]+$/;
const checks = { 4: z.ipv4(), 6: z.ipv6() } as const;
const hostname = z.hostname();

function interval(text: string, version: 4 | 6, address: string, prefix: number): HostAddress | { error: string } {
  if (!checks[version].safeParse(address).success || !ipaddr.isValid(address)) return { error: `"${text}" is not a valid IPv${version} address` };
  const bits = BITS[version];
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > bits) return { error: `"${text}" has a prefix length outside 0-${bits}` };
  const value = ipaddr.parse(address).toByteArray().reduce((sum, byte) => (sum << 8n) | BigInt(byte), 0n);
  const hostBits = (1n << BigInt(bits - prefix)) - 1n;
  if ((value & hostBits) !== 0n) return { error: `"${text}" has host bits set: the network is ${networkText(version, value & ~hostBits, prefix)}` };
  return { kind: 'ip', text, version, from: value, to: value | hostBits };
}

// ipaddr.js writes the network as people do: dotted quad, or IPv6 with its longest zero run as "::" (RFC 5952).
function networkText(version: 4 | 6, value: bigint, prefix: number): string {
  const bytes = Array.from({ length: BITS[version] / 8 }, (_, i) => Number((value >> BigInt(BITS[version] - 8 * (i + 1))) & 255n));
  return `${ipaddr.fromByteArray(bytes).toString()}/${prefix}`;
}

/**
 * An IPv4 or IPv6 address, a CIDR network or a DNS name, or why it is none of them. Names are
 * refused when they hold anything a shell or a script could read as more than a name.
 */
export function parseHostAddress(text: string): HostAddress | { error: string } {
  const bad = [...text].find((c) => !ADDRESS_CHARACTERS.test(c));
  if (bad !== undefined) return { error: `${JSON.stringify(text)} holds ${JSON.stringify(bad)}: an address or DNS name has only letters, digits and . : / -` };
  if (text === '') return { error: 'an address must not be empty' };
  const version = text.includes(':') ? 6 : 4;
  const slash = text.indexOf('/');
  if (slash >= 0) return interval(text, version, text.slice(0, slash), /^\d{1,3}$/.test(text.slice(slash + 1)) ? Number(text.slice(slash + 1)) : NaN);
  // Digits and dots only is meant as IPv4 ("192.0.2.300" is a typo, not a host name).
  if (version === 6 || /^[\d.]+$/.test(text)) return interval(text, version, text, BITS[version]);
  const name = text.toLowerCase().replace(/\.$/, '');
  if (!hostname.safeParse(name).success || name.length > 253 || /(^|\.)\d+$/.test(name) || name.split('.').some((label) => label.length > 63 || /^-|-$/.test(label)))
    return { error: `"${text}" is not a valid DNS name` };
  return { kind: 'name', text, name };
}

/** DNS names are compared as names: the audit resolves nothing. */
const sameName = (a: HostAddress, b: HostAddress) => a.kind === 'name' && b.kind === 'name' && a.name === b.name;

/** Whether `inner` lies within the union of `outers`: two /25 networks together hold their /24. */
export function addressCoveredBy(inner: HostAddress, outers: readonly HostAddress[]): boolean {
  if (inner.kind === 'name') return outers.some((outer) => sameName(inner, outer));
  let reached = inner.from; // every host below this one is covered
  const sorted = outers.flatMap((o) => (o.kind === 'ip' && o.version === inner.version ? [o] : [])).sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (const outer of sorted) {
    if (outer.from > reached) break;
    if (outer.to >= reached) reached = outer.to + 1n;
    if (reached > inner.to) return true;
  }
  return false;
}

/** Whether two addresses share any host: overlapping networks, or the same name. */
export function addressesOverlap(a: HostAddress, b: HostAddress): boolean {
  if (a.kind === 'name' || b.kind === 'name') return sameName(a, b);
  return a.version === b.version && a.from <= b.to && b.from <= a.to;
}

/** Every IPv4 and IPv6 host: what an "any" of a rule allows. */
export const ANY_ADDRESSES: readonly HostAddress[] = Object.freeze(['0.0.0.0/0', '::/0'].map((text) => parseHostAddress(text) as HostAddress));
