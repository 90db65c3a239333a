import { fill } from '../answering/messages';
import { isPlaceholder, labelOf, withAddresses, type ExportSource } from './addressed-rules';
import { parseHostAddress } from './host-address';

// Addresses no connection from the internet comes from: RFC 1918, shared (RFC 6598), loopback and
// link-local IPv4; unique-local, link-local and loopback IPv6.
const PRIVATE_NETWORKS = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10', '127.0.0.0/8', '169.254.0.0/16', 'fc00::/7', 'fe80::/10', '::1/128'].map(
  (network) => parseHostAddress(network),
);

/** Whether an address or network lies wholly inside the private ranges (a DNS name or a placeholder: not known, so no). */
export function isPrivateAddress(text: string): boolean {
  if (isPlaceholder(text)) return false;
  const address = parseHostAddress(text);
  if (!('kind' in address) || address.kind !== 'ip') return false;
  return PRIVATE_NETWORKS.some((network) => 'kind' in network && network.kind === 'ip' && network.version === address.version && network.from <= address.from && address.to <= network.to);
}

/**
 * What an export should warn about: a rule from the endpoints in a mode where they connect from
 * outside the corporate network, whose source addresses are only private ones, would keep out
 * every endpoint that is outside. The inventory's connectsFrom says where they come from instead.
 */
export function exportWarnings(source: ExportSource): string[] {
  const { endpoints } = source.catalog;
  if (!endpoints) return [];
  const label = labelOf(source.answer);
  const warnings = new Set<string>();
  for (const rule of withAddresses(source)) {
    if (rule.source !== endpoints.component || !endpoints.outsideModes.includes(rule.mode) || rule.change === 'removed') continue;
    if (!rule.sourceAddresses.every(isPrivateAddress)) continue;
    const values = { mode: label(rule.mode), service: rule.service, ports: rule.ports, protocol: rule.protocol, source: label(rule.source), destination: label(rule.destination) };
    warnings.add(fill(endpoints.privateOnlyWarning, { ...values, addresses: rule.sourceAddresses.join(', ') }));
  }
  return [...warnings];
}
