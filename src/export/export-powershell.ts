import { ANY_ADDRESS, isPlaceholder, labelOf, withAddresses, type AddressedRule, type ExportSource } from './addressed-rules';
import { exportFileName } from './export-file-name';
import { exportWarnings } from './export-warnings';
import { parseHostAddress } from './host-address';
import { psArray, psComment, psString } from './powershell-text';
import { slug } from './slug';

/** One New-NetFirewallRule: a service and transport on one destination, from all of its sources. */
interface FirewallRule {
  mode: string;
  component: string;
  name: string;
  displayName: string;
  description: string;
  protocol: string;
  localPort: string[];
  remoteAddress: string[];
  remoteName: string[];
}

const unique = <T>(items: T[]): T[] => [...new Set(items)];

function firewallRules(source: ExportSource): FirewallRule[] {
  const { answer, catalog } = source;
  const label = labelOf(answer);
  const transportsOf = new Map(catalog.protocols.map((p) => [p.id, p.transports]));
  // One rule per service and port type on each destination: its sources merge into -RemoteAddress.
  const groups = new Map<string, AddressedRule[]>();
  for (const rule of withAddresses(source)) {
    if (rule.change === 'removed') continue; // a diff's removed flows are not to be allowed
    const key = [rule.mode, rule.destination, rule.service, rule.protocol, rule.ports].join('|');
    groups.set(key, [...(groups.get(key) ?? []), rule]);
  }
  const destinations = unique([...groups.values()].map(([rule]) => rule.destination));
  const sorted = [...groups.values()].sort(([a], [b]) => destinations.indexOf(a.destination) - destinations.indexOf(b.destination));
  return sorted.flatMap((rules) => {
    const [first] = rules;
    const transports = transportsOf.get(first.protocol);
    if (!transports) throw new Error(`no transport is known for the port type "${first.protocol}"`);
    const sources = unique(rules.map((r) => label(r.source))).join(', ');
    const addresses = unique(rules.flatMap((r) => r.sourceAddresses));
    // Windows Firewall takes addresses only: DNS names are resolved when the script runs.
    const isName = (a: string) => {
      const parsed = isPlaceholder(a) ? undefined : parseHostAddress(a);
      return parsed !== undefined && 'kind' in parsed && parsed.kind === 'name';
    };
    const notes = unique(rules.flatMap((r) => (r.note ? [r.note] : []))).join(' ');
    // From anywhere (the inventory's "internet"): Windows Firewall's keyword, which stands alone.
    const remoteAddress = addresses.includes(ANY_ADDRESS) ? ['Any'] : addresses.filter((a) => !isName(a));
    return transports.map((transport) => {
      // "TCP 443 (HTTPS)": the transport the rule opens, and the document's port type where that says more.
      const what = `${transport.toUpperCase()} ${first.ports}${first.protocol === transport.toUpperCase() ? '' : ` (${first.protocol})`}`;
      return {
        mode: first.mode,
        component: first.destination,
        name: [catalog.product, first.destination, first.service, first.protocol].map(slug).concat(first.ports.replace(/[^0-9-]+/g, '_'), slug(transport)).join('.'),
        displayName: `${first.service}: ${what} from ${sources}`,
        description: `${catalog.product}, ${label(first.mode)}: inbound ${what} to ${label(first.destination)} from ${sources}.${notes ? ` ${notes}` : ''}`,
        protocol: transport.toUpperCase(),
        localPort: first.ports.split(','),
        remoteAddress,
        remoteName: remoteAddress[0] === 'Any' ? [] : addresses.filter(isName),
      };
    });
  });
}

function ruleEntry(rule: FirewallRule): string[] {
  const fields: [string, string][] = [
    ['Mode', psString(rule.mode)],
    ['Component', psString(rule.component)],
    ['Name', psString(rule.name)],
    ['DisplayName', psString(rule.displayName)],
    ['Description', psString(rule.description)],
    ['Protocol', psString(rule.protocol)],
    ['LocalPort', psArray(rule.localPort)],
    ['RemoteAddress', psArray(rule.remoteAddress)],
    ['RemoteName', psArray(rule.remoteName)],
  ];
  return ['  @{', ...fields.map(([key, value]) => `    ${key.padEnd(13)} = ${value}`), '  }'];
}

/**
 * Applies the rules for the chosen components: checks everything first, then sets or creates each
 * rule by its -Name. Elevation is checked only when it will change something: -WhatIf runs unelevated.
 * Only parameters and values that New-NetFirewallRule and Set-NetFirewallRule document are used
 * (the tests parse this script and check them).
 */
const APPLY = `
$selected = @($Rules | Where-Object { $_.Mode -eq $Mode -and $Component -contains $_.Component })
if ($selected.Count -eq 0) { Write-Warning "No rules for $($Component -join ', ') in $Mode."; return }

# Check and resolve every rule before changing anything: a placeholder or an unknown name changes nothing.
foreach ($rule in $selected) {
  $placeholders = @($rule.RemoteAddress | Where-Object { $_.StartsWith('<') })
  if ($placeholders.Count -gt 0) { throw "$($rule.DisplayName): replace the placeholders $($placeholders -join ', ') with addresses first." }
  foreach ($hostName in $rule.RemoteName) {
    $rule.RemoteAddress += @([System.Net.Dns]::GetHostAddresses($hostName) | ForEach-Object { $_.IPAddressToString })
  }
}

# Changing the firewall needs an elevated session; a -WhatIf dry run does not.
if (-not $WhatIfPreference) {
  $principal = [Security.Principal.WindowsPrincipal]::new([Security.Principal.WindowsIdentity]::GetCurrent())
  if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    throw 'Run this script elevated (Run as administrator) to change the firewall; with -WhatIf it shows what it would do without.'
  }
}

foreach ($rule in $selected) {
  # -WhatIf: say what would be allowed, change nothing.
  if (-not $PSCmdlet.ShouldProcess($rule.DisplayName, 'Allow inbound')) { continue }
  $settings = @{
    Description   = $rule.Description
    Enabled       = 'True'
    Direction     = 'Inbound'
    Action        = 'Allow'
    Protocol      = $rule.Protocol
    LocalPort     = $rule.LocalPort
    RemoteAddress = $rule.RemoteAddress
  }
  # Set or create, never remove and add: a rule that exists is changed in place, so it is never missing.
  if (Get-NetFirewallRule -Name $rule.Name -ErrorAction SilentlyContinue) {
    Set-NetFirewallRule -Name $rule.Name -NewDisplayName $rule.DisplayName @settings
    Write-Output "Updated: $($rule.DisplayName)"
  } else {
    New-NetFirewallRule -Name $rule.Name -DisplayName $rule.DisplayName -Group $Group @settings | Out-Null
    Write-Output "Allowed: $($rule.DisplayName)"
  }
}
`;

/**
 * A Windows Firewall script: inbound rules for each destination of the answer's rules, grouped under
 * one -Group, idempotent by a stable -Name. Every value in it is a single-quoted literal.
 */
export function exportPowershell(source: ExportSource): string {
  const { answer, catalog } = source;
  const label = labelOf(answer);
  const rules = firewallRules(source);
  const script = `.\\${exportFileName(answer.modes, 'ps1')}`;
  const components = unique(rules.map((r) => r.component));
  const modes = unique(rules.map((r) => r.mode));
  const header = [
    psComment(`Windows Firewall rules for ${catalog.product}: ${answer.modes.map(label).join(', ')}.`),
    psComment("Inbound rules on each destination of the vendor's port matrix, one per service and transport;"),
    psComment('-RemoteAddress holds the addresses of the sources.'),
    psComment(),
    psComment('Run it elevated on each server, naming the components that server hosts (-WhatIf, which needs no elevation, shows what it would do):'),
    ...components.slice(0, 1).map((c) => psComment(`  ${script} -Component ${c}${modes.length > 1 ? ` -Mode ${modes[0]}` : ''}`)),
    psComment('Running it again updates its rules in place (each has a fixed -Name) instead of adding copies.'),
    psComment('Every rule is in one group; review or remove the whole set with'),
    psComment(`  Get-NetFirewallRule -Group ${psString(catalog.product)}`),
    psComment(`  Remove-NetFirewallRule -Group ${psString(catalog.product)}`),
  ];
  if (rules.some((r) => r.remoteAddress.some(isPlaceholder)))
    header.push(psComment(), psComment('Addresses in angle brackets are placeholders: the script stops before any change until they are replaced.'));
  // What the matrix's notes ask of the one who runs it ("1433 or dynamic port": what to do when the port is dynamic).
  const advice = unique(answer.rules.flatMap((r) => (r.note && catalog.noteAdvice?.[r.note] ? [`${r.service} (${r.ports}, "${r.note}"): ${catalog.noteAdvice[r.note]}`] : [])));
  for (const line of advice) header.push(psComment(), psComment(line));
  for (const warning of exportWarnings(source)) header.push(psComment(), psComment(`WARNING: ${warning}`));
  if (rules.length === 0) return [...header, '', `Write-Warning ${psString('There are no rules to add.')}`, ''].join('\n');

  const parameters = [
    '[CmdletBinding(SupportsShouldProcess)]',
    'param(',
    '  [Parameter(Mandatory)]',
    `  [ValidateSet(${components.map(psString).join(', ')})]`,
    '  [string[]] $Component,',
    ...(modes.length > 1 ? ['  [Parameter(Mandatory)]'] : []),
    `  [ValidateSet(${modes.map(psString).join(', ')})]`,
    `  [string] $Mode${modes.length > 1 ? '' : ` = ${psString(modes[0])}`}`,
    ')',
    'Set-StrictMode -Version 3.0',
    "$ErrorActionPreference = 'Stop'",
    `$Group = ${psString(catalog.product)}`,
  ];
  const entries: string[] = [];
  rules.forEach((rule, i) => {
    if (rules[i - 1]?.component !== rule.component) entries.push(`  ${psComment(`Inbound to ${label(rule.component)}`)}`);
    entries.push(...ruleEntry(rule));
  });
  return [...header, ...parameters, '', '$Rules = @(', ...entries, ')', APPLY].join('\n');
}
