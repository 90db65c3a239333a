import { exportAnswer } from '../../src';
import { engine } from '../helpers/engine';

describe('Exporting a chat answer in the format it asked for', () => {
  it('"export the exclusive BOI rules as CSV" gives a CSV file of all 43 rules', () => {
    const answer = engine.ask('export the exclusive BOI rules as CSV');
    const file = exportAnswer(answer, engine.catalog);
    expect(file).toMatchObject({ filename: 'firewall-rules-exclusive-boi.csv', mimeType: 'text/csv; charset=utf-8' });
    expect(file.content.trimEnd().split('\r\n')).toHaveLength(1 + 43);
  });

  it('"powershell for the edge server in occasional BOI" gives a script for the hosts of its flows', () => {
    const file = exportAnswer(engine.ask('powershell for the edge server in occasional BOI'), engine.catalog);
    expect(file.filename).toBe('firewall-rules-occasional-boi.ps1');
    expect(file.content).toMatch(/\[ValidateSet\('sql-server', 'storage-location', 'dedupe-storage-location', 'admin-server', 'dedupe-server', 'edge-server', 'io-server'\)\]/);
    expect(file.content).toMatch(/Addresses in angle brackets are placeholders/);
  });

  it('exports the rules of both BOI modes, a -Mode to choose between them in PowerShell', () => {
    const answer = engine.ask('edge server inbound in BOI as powershell');
    expect(answer.modes).toEqual(['exclusive-boi', 'occasional-boi']);
    const script = exportAnswer(answer, engine.catalog).content;
    expect(script).toMatch(/\[Parameter\(Mandatory\)\]\n {2}\[ValidateSet\('exclusive-boi', 'occasional-boi'\)\]\n {2}\[string\] \$Mode\n/);
  });

  it('marks a diff\'s changes in the tables, so that a removed rule does not read as needed', () => {
    const csv = exportAnswer(engine.ask('what changes going from non-BOI to exclusive BOI?'), engine.catalog, { format: 'csv' }).content;
    expect(csv.split('\r\n')[0]).toMatch(/,note,change$/);
    expect(csv).toMatch(/^non-boi,Additional Ports for Push Installation,"135,441,1037,1125",TCP,admin-server,.*,removed$/m);
  });

  it('writes the contract\'s rule objects with addresses in JSON', () => {
    const rules = JSON.parse(exportAnswer(engine.ask('what uses port 8009?'), engine.catalog, { format: 'json' }).content);
    expect(rules).toEqual([
      { mode: 'exclusive-boi', service: 'Dedupe Port', ports: '8009', protocol: 'AJP', source: 'edge-server', destination: 'dedupe-server', sourceAddresses: ['<DLO Edge Server>'], destinationAddresses: ['<DLO Dedupe Server>'] },
      { mode: 'occasional-boi', service: 'Dedupe Port', ports: '8009', protocol: 'AJP', source: 'edge-server', destination: 'dedupe-server', sourceAddresses: ['<DLO Edge Server>'], destinationAddresses: ['<DLO Dedupe Server>'] },
    ]);
  });

  it('needs a format', () => {
    expect(() => exportAnswer(engine.ask('what uses port 8009?'), engine.catalog)).toThrow(/needs an answer that asked for a format/);
  });
});
