import { join } from 'node:path';
import { auditRuleSet, exportAnswer, loadInventory, parseCsv, readRuleSet, renderAudit, somethingMissing, type Inventory } from '../../src';
import { engine } from '../helpers/engine';

const inventory = loadInventory(join(__dirname, '../fixtures/export/hosts.json'), engine.catalog.components);

/** The audit of a rule set (CSV text) against one mode, as the audit command runs it. */
function audit(csv: string, mode: string, hosts?: Inventory) {
  const { records, problems } = parseCsv(csv);
  const ruleSet = readRuleSet(records, problems, engine.catalog);
  if ('error' in ruleSet) throw new Error(ruleSet.error);
  return auditRuleSet({ required: engine.browse({ modes: [mode] }), ...ruleSet, catalog: engine.catalog, inventory: hosts });
}
const exported = (mode: string, hosts?: Inventory) =>
  exportAnswer(engine.browse({ modes: [mode] }), engine.catalog, { format: 'csv', inventory: hosts }).content;
const statuses = (report: ReturnType<typeof audit>) => report.flows.map((f) => f.status);
const header = 'source,destination,ports,protocol\n';

describe('Auditing a rule set that covers everything exactly', () => {
  it.each(['non-boi', 'exclusive-boi', 'occasional-boi'])('finds nothing missing or too broad in the export of %s', (mode) => {
    const report = audit(exported(mode, inventory), mode, inventory);
    expect(statuses(report).every((s) => s === 'covered')).toBe(true);
    expect(report.broader).toEqual([]);
    expect(report.unparsed).toEqual([]);
    expect(somethingMissing(report)).toBe(false);
  });

  it('reads a firewall\'s own form: addresses mapped to components by the inventory, ports split over rows', () => {
    const report = audit(
      header +
        [
          '192.0.2.11 2001:db8::11,192.0.2.20,"90,443",TCP',
          '198.51.100.0/25; 2001:db8:100::/56,192.0.2.20,443,HTTPS',
          '198.51.100.128/25,192.0.2.20,443,tcp',
          'DLO Edge Server,192.0.2.14,7009,AJP',
          'admin-console,io-server,7080,TCP',
        ].join('\n'),
      'exclusive-boi',
      inventory,
    );
    const edge = report.flows.filter((f) => f.destination === 'edge-server' || f.destination === 'io-server');
    expect(edge.map((f) => [f.source, f.destination, f.status, f.lines])).toEqual([
      ['admin-console', 'edge-server', 'covered', [2]],
      ['dlo-clients', 'edge-server', 'covered', [3]],
      ['web-restore-machine', 'edge-server', 'covered', [4]],
      ['admin-console', 'edge-server', 'covered', [2]],
      ['admin-console', 'io-server', 'covered', [6]],
      ['edge-server', 'io-server', 'covered', [5]],
    ]);
    expect(report.broader).toEqual([]);
  });
});

describe('Auditing where the inventory says the clients connect from the internet (connectsFrom)', () => {
  const fromInternet: Inventory = { ...inventory, connectsFrom: [{ source: 'dlo-clients', destination: 'edge-server', modes: ['exclusive-boi', 'occasional-boi'], from: ['internet'] }] };
  const clientsToEdge = (csv: string, mode = 'exclusive-boi') =>
    audit(header + csv, mode, fromInternet).flows.find((f) => f.source === 'dlo-clients' && f.destination === 'edge-server' && f.ports === '443');

  it("does not call the clients' 443 covered by a rule that allows only their office subnets", () => {
    expect(clientsToEdge('"198.51.100.0/25; 2001:db8:100::/56",192.0.2.20,443,TCP\n')).toMatchObject({ status: 'missing', lines: [] });
  });

  it('calls it covered by a rule from any address, or one that names the clients', () => {
    expect(clientsToEdge('any,192.0.2.20,443,TCP\n')).toMatchObject({ status: 'covered', lines: [2] });
    expect(clientsToEdge('dlo-clients,edge-server,443,HTTPS\n')).toMatchObject({ status: 'covered', lines: [2] });
  });

  it('keeps the office subnets where connectsFrom does not apply (non-BOI)', () => {
    const flow = audit(`${header}"198.51.100.0/25; 2001:db8:100::/56",192.0.2.15,1434,UDP\n`, 'non-boi', fromInternet).flows.find((f) => f.source === 'dlo-clients' && f.service === 'SQL Server Browser');
    expect(flow).toMatchObject({ status: 'covered', lines: [2] });
  });

  it.each(['exclusive-boi', 'occasional-boi'])('finds nothing missing in the export of %s with that inventory', (mode) => {
    expect(somethingMissing(audit(exported(mode, fromInternet), mode, fromInternet))).toBe(false);
  });
});

describe('Auditing a rule set missing a flow', () => {
  const lines = exported('occasional-boi').trimEnd().split('\r\n');
  const dropped = lines.findIndex((l) => l.includes('SQL Server Browser') && l.includes('dlo-clients'));
  const report = audit([...lines.slice(0, dropped), ...lines.slice(dropped + 1)].join('\r\n'), 'occasional-boi');

  it('shows that flow as missing, and only that one', () => {
    const open = report.flows.filter((f) => f.status !== 'covered');
    expect(open).toEqual([expect.objectContaining({ service: 'SQL Server Browser', source: 'dlo-clients', destination: 'sql-server', status: 'missing', lines: [], gaps: [{ transports: ['udp'], ports: '1434' }] })]);
    expect(somethingMissing(report)).toBe(true);
  });

  it('calls a flow allowed over TCP but not UDP partly covered', () => {
    const partial = audit(`${header}admin-console,admin-server,3999,TCP\n`, 'non-boi').flows[0];
    expect(partial).toMatchObject({ service: 'DLO Administration Service', status: 'partial', lines: [2], gaps: [{ transports: ['udp'], ports: '3999' }] });
  });

  it('takes networks of one row together: two /26 hold the clients\' /25', () => {
    const flow = audit(`${header}"198.51.100.0/26; 198.51.100.64/26; 2001:db8:100::/48",192.0.2.20,443,TCP\n`, 'exclusive-boi', inventory).flows.find((f) => f.source === 'dlo-clients');
    expect(flow).toMatchObject({ status: 'covered', lines: [2] });
  });

  it('names the address a rule leaves out when a component has several', () => {
    const flow = audit(`${header}192.0.2.11,192.0.2.10,3999,TCP/UDP\n`, 'non-boi', inventory).flows[0];
    expect(flow).toMatchObject({ status: 'partial', gaps: [{ transports: ['tcp', 'udp'], ports: '3999', source: '2001:db8::11' }] });
  });
});

describe('Auditing a rule set with an over-broad rule', () => {
  it('reports an "any" source and every port beyond what the destination needs', () => {
    // The export's columns: mode, service, ports, protocol, source, source_addresses, destination, destination_addresses, note.
    const report = audit(`${exported('exclusive-boi', inventory)}exclusive-boi,temporary,1-65535,any,any,,192.0.2.20,,\r\n`, 'exclusive-boi', inventory);
    expect(report.unparsed).toEqual([]);
    expect(report.broader).toEqual([
      {
        line: 45,
        cells: { source: 'any', destination: '192.0.2.20', ports: '1-65535', protocol: 'any' },
        excess: [
          { kind: 'any-address', side: 'source', address: 'any' },
          { kind: 'extra-ports', transports: ['tcp'], ports: '1-89,91-442,444-65535', source: 'any', destination: '192.0.2.20' },
          { kind: 'extra-ports', transports: ['udp'], ports: '1-65535', source: 'any', destination: '192.0.2.20' },
        ],
      },
    ]);
    expect(somethingMissing(report)).toBe(false); // too broad is reported, but nothing required is missing
  });

  it('reports ports a source needs on no flow to that destination', () => {
    // In occasional BOI the clients reach SQL Server on 1433/TCP and 1434/UDP, but file sharing only on the storage locations.
    const report = audit(`${header}DLO Clients,SQL Server,"135-139,445,1433",TCP/UDP\n`, 'occasional-boi');
    expect(report.broader[0].excess).toEqual([
      { kind: 'extra-ports', transports: ['tcp'], ports: '135-139,445', source: 'DLO Clients', destination: 'SQL Server' },
      { kind: 'extra-ports', transports: ['udp'], ports: '135-139,445,1433', source: 'DLO Clients', destination: 'SQL Server' },
    ]);
  });

  it('reports a network wider than the components in it, and an address of no component', () => {
    const report = audit(`${header}192.0.2.0/24,192.0.2.15,1433,TCP\n203.0.113.5,192.0.2.20,443,TCP\n`, 'exclusive-boi', inventory);
    expect(report.broader.map((b) => [b.line, b.excess.map((e) => e.kind)])).toEqual([
      [2, ['wide-address']],
      [3, ['unknown-address']],
    ]);
    expect(report.broader[0].excess[0]).toMatchObject({ side: 'source', address: '192.0.2.0/24', components: expect.arrayContaining(['admin-server', 'edge-server']) });
  });

  it('reports a rule for a flow the mode does not have', () => {
    const report = audit(`${header}admin-server,dlo-clients,"135,441,1037,1125",TCP\n`, 'exclusive-boi'); // push installation is NA in exclusive BOI
    expect(report.broader[0].excess).toEqual([{ kind: 'extra-ports', transports: ['tcp'], ports: '135,441,1037,1125', source: 'admin-server', destination: 'dlo-clients' }]);
  });
});

describe('Auditing a rule set with malformed lines', () => {
  const csv = [
    'source,destination,ports,protocol,comment',
    'admin-console,admin-server,3999,TCP/UDP,fine',
    'admin-console,admin-server,44x3,TCP,',
    'admin-console,admin-server,70000,TCP,',
    'admin-console,admin-server,3999,ICMP,',
    ',admin-server,3999,TCP,',
    'admin-console,DLO Foo Server,3999,TCP,',
    'admin-console,admin-server,3999',
    '',
    'admin-console,admin-server,3999,TCP/UDP,"two',
    'lines"',
    'admin-console,192.0.2.300,3999,TCP,',
    '"admin-console,admin-server,3999,TCP,',
  ].join('\r\n');
  const report = audit(csv, 'non-boi', inventory);

  it('lists each row it could not read with its line number and why', () => {
    expect(report.unparsed).toEqual([
      { line: 3, reason: 'ports "44x3" is not a port or a range' },
      { line: 4, reason: 'port 70000 is outside 1-65535' },
      { line: 5, reason: 'protocol "ICMP" is none of TCP, UDP, TCP/UDP, HTTP, HTTPS, AJP, any' },
      { line: 6, reason: 'source is empty' },
      { line: 7, reason: 'destination "DLO Foo Server" is not a component or a list of addresses' },
      { line: 8, reason: 'has 3 fields where the header has 5' },
      { line: 12, reason: 'destination "192.0.2.300" is not a valid IPv4 address' },
      { line: 13, reason: 'a quoted field is not closed' },
    ]);
  });

  it('still audits the rows it could read', () => {
    expect(report.flows.find((f) => f.service === 'DLO Administration Service')).toMatchObject({ status: 'covered', lines: [2, 10] });
  });

  it('refuses a rule set whose header lacks a column', () => {
    expect(readRuleSet(parseCsv('source,destination,protocol\nadmin-console,admin-server,TCP\n').records, [], engine.catalog)).toEqual({
      error: 'the header (first line) needs the columns source, destination, ports, protocol; it has no ports',
    });
  });
});

describe('The audit report', () => {
  const report = audit(`${header}admin-console,admin-server,3999,TCP\nany,admin-server,3999,TCP/UDP\nx,y,z,TCP\n`, 'non-boi');

  it('as text: a summary, then what is missing, too broad and unread, then every flow', () => {
    const text = renderAudit(report, 'text');
    expect(text.split('\n')[0]).toBe('Audit against non-BOI: 1 of 29 required flows covered, 0 partly, 28 missing; 1 rule allowing more than needed; 1 row not read.');
    expect(text).toMatch(/Rules allowing more than needed:\n\s+Line\s+Source\s+Destination\s+Ports\s+Protocol\s+Beyond the matrix\n\s+3\s+any\s+admin-server\s+3999\s+TCP\/UDP\s+source "any" allows every host/);
    expect(text).toMatch(/Rows not read:\n\s+Line\s+Why\n\s+4\s+ports "z" is not a port or a range/);
  });

  it('as Markdown tables, and as JSON with counts', () => {
    expect(renderAudit(report, 'markdown')).toMatch(/### Required flows not covered\n\n\| Status \| Service \|/);
    expect(JSON.parse(renderAudit(report, 'json')).summary).toEqual({ required: 29, covered: 1, partial: 0, missing: 28, broader: 1, unparsed: 1 });
  });
});
