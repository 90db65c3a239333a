import { Language, Parser, type Node } from 'web-tree-sitter';
import { exportAnswer, parseInventory, type Answer, type Inventory } from '../../src';
import { engine } from '../helpers/engine';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';

/*
 * The parameters of the two cmdlets the script calls, as Microsoft documents them (Syntax sections of
 * https://learn.microsoft.com/en-us/powershell/module/netsecurity/new-netfirewallrule and
 * https://learn.microsoft.com/en-us/powershell/module/netsecurity/set-netfirewallrule, parameter set
 * ByName), and the values the documentation lists for the parameters whose values are keywords.
 */
const COMMON = ['Verbose', 'Debug', 'ErrorAction', 'WarningAction', 'InformationAction', 'ErrorVariable', 'WarningVariable', 'InformationVariable', 'OutVariable', 'OutBuffer', 'PipelineVariable'];
const RULE_FILTERS = [
  'Description', 'Enabled', 'Profile', 'Platform', 'Direction', 'Action', 'EdgeTraversalPolicy', 'LooseSourceMapping', 'LocalOnlyMapping', 'Owner',
  'LocalAddress', 'RemoteAddress', 'Protocol', 'LocalPort', 'RemotePort', 'IcmpType', 'DynamicTarget', 'Program', 'Package', 'Service',
  'InterfaceAlias', 'InterfaceType', 'LocalUser', 'RemoteUser', 'RemoteMachine', 'Authentication', 'Encryption', 'OverrideBlockRules',
  'RemoteDynamicKeywordAddresses', 'PolicyStore', 'CimSession', 'ThrottleLimit', 'AsJob', 'WhatIf', 'Confirm',
];
const DOCUMENTED_PARAMETERS: Record<string, Set<string>> = {
  'New-NetFirewallRule': new Set(['DisplayName', 'Name', 'Group', 'GPOSession', ...RULE_FILTERS, ...COMMON]),
  'Set-NetFirewallRule': new Set(['Name', 'NewDisplayName', 'GPOSession', 'PassThru', ...RULE_FILTERS, ...COMMON]),
};
const MANDATORY: Record<string, string[]> = { 'New-NetFirewallRule': ['DisplayName'], 'Set-NetFirewallRule': ['Name'] };
const ADDRESS_KEYWORDS = ['Any', 'LocalSubnet', 'DNS', 'DHCP', 'WINS', 'DefaultGateway', 'Internet', 'Intranet', 'IntranetRemoteAccess', 'PlayToDevice'];
const PORT_KEYWORDS = ['Any', 'RPCEPMap', 'RPC', 'IPHTTPSIn', 'IPHTTPSOut', 'Teredo', 'PlayToDiscovery'];
const DOCUMENTED_VALUES: Record<string, (value: string) => boolean> = {
  Direction: (v) => ['Inbound', 'Outbound'].includes(v),
  Action: (v) => ['NotConfigured', 'Allow', 'Block'].includes(v),
  Enabled: (v) => ['True', 'False'].includes(v),
  Protocol: (v) => ['TCP', 'UDP', 'ICMPv4', 'ICMPv6', 'Any'].includes(v) || (/^\d+$/.test(v) && Number(v) <= 255),
  // A port, a range of ports, or a keyword.
  LocalPort: (v) => PORT_KEYWORDS.includes(v) || /^\d{1,5}(-\d{1,5})?$/.test(v),
  // An IPv4 or IPv6 address, a subnet (by bit count), a range, or a keyword; placeholders (<…>) the script itself refuses to run with.
  RemoteAddress: (v) => ADDRESS_KEYWORDS.includes(v) || /^[0-9a-f.:]+(\/\d{1,3})?$/i.test(v) || /^[0-9a-f.:]+-[0-9a-f.:]+$/i.test(v) || /^<[^<>]+>$/.test(v),
};

let parser: Parser;
beforeAll(async () => {
  await Parser.init();
  parser = new Parser();
  // The grammar's bytes, not its path: loading by path needs a dynamic import, which Jest's CommonJS runtime refuses.
  parser.setLanguage(await Language.load(readFileSync(require.resolve('tree-sitter-powershell/tree-sitter-powershell.wasm'))));
});

const descendants = (node: Node, type: string): Node[] => node.descendantsOfType(type).filter((n): n is Node => n !== null);
const stringValue = (node: Node) => descendants(node, 'verbatim_string_characters').map((n) => n.text.slice(1, -1).replace(/''/g, "'"));

/** What a script calls and sets, as PowerShell's grammar reads it. */
function read(script: string) {
  const tree = parser.parse(script)!;
  const root = tree.rootNode;
  const errors = [...descendants(root, 'ERROR'), ...(root.hasError ? [root] : [])].map((n) => `${n.startPosition.row + 1}: ${n.text.slice(0, 80)}`);
  // Hashtables assigned to a variable: what a splat (@settings) passes.
  const hashtables = new Map<string, string[]>();
  for (const assignment of descendants(root, 'assignment_expression')) {
    const target = assignment.child(0)?.text ?? '';
    const hash = descendants(assignment, 'hash_literal_expression')[0];
    if (hash) hashtables.set(target.replace(/^\$/, ''), descendants(hash, 'hash_entry').filter((e) => e.parent?.parent?.id === hash.id).map((e) => e.child(0)!.text));
  }
  const calls = descendants(root, 'command')
    .filter((command) => (command.childForFieldName('command_name')?.text ?? '') in DOCUMENTED_PARAMETERS)
    .map((command) => {
      const elements = command.childForFieldName('command_elements');
      const named = elements ? descendants(elements, 'command_parameter').map((p) => p.text.replace(/^-/, '').replace(/:$/, '')) : [];
      const splatted = elements ? descendants(elements, 'variable').filter((v) => v.text.startsWith('@')).flatMap((v) => hashtables.get(v.text.slice(1)) ?? [`(unknown splat ${v.text})`]) : [];
      return { name: command.childForFieldName('command_name')!.text, parameters: [...named, ...splatted] };
    });
  // Every literal value of a hashtable entry whose key is a parameter with documented values (the $Rules data and $settings).
  const values = descendants(root, 'hash_entry').flatMap((entry) => {
    const key = entry.child(0)!.text;
    return key in DOCUMENTED_VALUES ? stringValue(entry).map((value) => ({ key, value })) : [];
  });
  return { errors, calls, values, root };
}

const hostsFixture = JSON.parse(readFileSync(join(__dirname, '../fixtures/export/hosts.json'), 'utf8')) as unknown;
const exampleFile = join(__dirname, '../../examples/hosts.example.yaml');
const inventories: [string, Inventory | undefined][] = [
  ['no inventory', undefined],
  ['the golden hosts', parseInventory(hostsFixture, 'hosts.json', engine.catalog.components, engine.catalog.modes)],
  ['the example inventory', parseInventory(parseYaml(readFileSync(exampleFile, 'utf8')), exampleFile, engine.catalog.components, engine.catalog.modes)],
];
const selections: [string, Pick<Answer, 'rules' | 'modes' | 'labels'>][] = [
  ...engine.catalog.modes.map((mode): [string, Answer] => [mode.id, engine.browse({ modes: [mode.id] })]),
  ['the whole matrix', engine.browse({})],
  ['the Edge Server in occasional BOI', engine.browse({ modes: ['occasional-boi'], component: 'edge-server' })],
  ['a diff', engine.ask('what changes going from non-BOI to exclusive BOI?')],
  ['nothing', { ...engine.browse({ modes: ['non-boi'] }), rules: [] }],
];
const scripts = selections.flatMap(([what, answer]) =>
  inventories.map(([hosts, inventory]): [string, string] => [`${what}, ${hosts}`, exportAnswer(answer, engine.catalog, { format: 'powershell', inventory }).content]),
);

describe('The PowerShell export, read by a PowerShell parser (tree-sitter-powershell)', () => {
  it.each(scripts)('%s: parses without an error node', (_what, script) => {
    expect(read(script).errors).toEqual([]);
  });

  it.each(scripts)('%s: calls New-/Set-NetFirewallRule with documented parameters and values only', (_what, script) => {
    const { calls, values } = read(script);
    for (const call of calls) {
      expect(call.parameters.filter((parameter) => !DOCUMENTED_PARAMETERS[call.name].has(parameter))).toEqual([]);
      for (const mandatory of MANDATORY[call.name]) expect(call.parameters).toContain(mandatory);
    }
    expect(values.filter(({ key, value }) => !DOCUMENTED_VALUES[key](value))).toEqual([]);
  });

  it('the check can fail: an undocumented parameter or value, and broken syntax, are caught', () => {
    const script = exportAnswer(engine.browse({ modes: ['non-boi'] }), engine.catalog, { format: 'powershell' }).content;
    const wrong = script.replace("Direction     = 'Inbound'", "Direction     = 'Inward'\n    Group         = $Group");
    const { calls, values } = read(wrong);
    expect(calls.find((call) => call.name === 'Set-NetFirewallRule')?.parameters).toContain('Group');
    expect(values).toContainEqual({ key: 'Direction', value: 'Inward' });
    expect(read(script.replace('foreach ($rule in $selected) {', 'foreach ($rule in $selected {')).errors).not.toEqual([]);
  });

  it('both commands are there: set an existing rule, or create it', () => {
    const { calls } = read(scripts[0][1]);
    expect(calls.map((call) => call.name).sort()).toEqual(['New-NetFirewallRule', 'Set-NetFirewallRule']);
  });
});

describe('Running the script', () => {
  const script = exportAnswer(engine.browse({ modes: ['non-boi'] }), engine.catalog, { format: 'powershell' }).content;

  it('checks elevation only when it will change something: a -WhatIf dry run works unelevated', () => {
    expect(script).not.toMatch(/#Requires/i);
    const { root } = read(script);
    const guard = descendants(root, 'if_statement').find((statement) => statement.text.startsWith('if (-not $WhatIfPreference)'));
    expect(guard?.text).toContain('IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)');
    // After every check, before the first change.
    expect(script.indexOf('if (-not $WhatIfPreference)')).toBeGreaterThan(script.indexOf('GetHostAddresses'));
    expect(script.indexOf('if (-not $WhatIfPreference)')).toBeLessThan(script.indexOf('Set-NetFirewallRule -Name'));
  });

  it("says in its header what to do when SQL Server uses a dynamic port", () => {
    const header = script.split('\n').filter((line) => line.startsWith('#')).join('\n');
    expect(header).toMatch(/SQL Server \(1433, "1433 or dynamic port\."\): If the SQL Server instance uses a dynamic port instead of 1433, give it a static TCP port/);
  });
});

describe("The Edge Server's 443 in the BOI modes, with an inventory", () => {
  const edge = (mode: string) => ({ ...engine.browse({ modes: [mode], component: 'edge-server' }) });
  const base = parseInventory(hostsFixture, 'hosts.json', engine.catalog.components, engine.catalog.modes);
  const clientsTo443 = (script: string) => script.match(/DisplayName += 'Edge Server Port: TCP 443 \(HTTPS\)[^']*'[\s\S]*?RemoteAddress += (@\([^)]*\))/)?.[1];

  it.each(['exclusive-boi', 'occasional-boi'])('in %s comes from where connectsFrom says: the internet (Any)', (mode) => {
    const inventory = { ...base, connectsFrom: [{ source: 'dlo-clients', destination: 'edge-server', modes: ['exclusive-boi', 'occasional-boi'], from: ['internet' as const] }] };
    const file = exportAnswer(edge(mode), engine.catalog, { format: 'powershell', inventory });
    expect(clientsTo443(file.content)).toBe("@('Any')");
    expect(file.warnings).toEqual([]);
    // The CSV for the change ticket says the same.
    const csv = exportAnswer(edge(mode), engine.catalog, { format: 'csv', inventory }).content;
    expect(csv).toMatch(/Edge Server Port,443,HTTPS,dlo-clients,any,edge-server/);
  });

  it('or from a NAT or proxy address; elsewhere and in non-BOI the clients keep their own addresses', () => {
    const inventory = { ...base, connectsFrom: [{ source: 'dlo-clients', destination: 'edge-server', modes: ['occasional-boi'], from: ['203.0.113.10'] }] };
    // The rule merges the sources of 443: the console and the web restore machine keep theirs, the clients' subnet gives way to the NAT address.
    expect(clientsTo443(exportAnswer(edge('occasional-boi'), engine.catalog, { format: 'powershell', inventory }).content)).toBe("@('192.0.2.11', '2001:db8::11', '203.0.113.10', '198.51.100.128/25')");
    const sql = exportAnswer(engine.browse({ modes: ['occasional-boi'], component: 'sql-server' }), engine.catalog, { format: 'csv', inventory }).content;
    expect(sql).toContain('dlo-clients,198.51.100.0/25 2001:db8:100::/56,sql-server');
  });

  it('warns, in the script and to whoever exports it, when a BOI rule from the clients allows only private addresses', () => {
    const inventory = { ...base, hosts: { ...base.hosts, 'dlo-clients': ['10.20.0.0/16', 'fd00:20::/48'] } };
    const file = exportAnswer(edge('exclusive-boi'), engine.catalog, { format: 'powershell', inventory });
    expect(file.warnings).toHaveLength(1);
    expect(file.warnings[0]).toMatch(/^exclusive BOI: Edge Server Port 443 \(HTTPS\) from DLO Clients to DLO Edge Server allows only private addresses \(10\.20\.0\.0\/16, fd00:20::\/48\)/);
    expect(file.content).toContain(`# WARNING: ${file.warnings[0]}`);
    // Not in non-BOI, where the clients are always inside.
    expect(exportAnswer(engine.browse({ modes: ['non-boi'] }), engine.catalog, { format: 'powershell', inventory }).warnings).toEqual([]);
  });

  it('the example inventory says so for both BOI modes', () => {
    const example = inventories[2][1]!;
    for (const mode of ['exclusive-boi', 'occasional-boi']) expect(clientsTo443(exportAnswer(edge(mode), engine.catalog, { format: 'powershell', inventory: example }).content)).toBe("@('Any')");
  });
});
