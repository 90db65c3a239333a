import { engine, knowledge, ruleKey } from '../helpers/engine';

describe('The DLO port matrix, expanded into flows', () => {
  const count = (mode: string) => knowledge.flows.filter((f) => f.mode === mode).length;

  it('has the counts worked out by hand from the vendor document: 29 non-BOI, 43 exclusive BOI, 51 occasional BOI', () => {
    expect(count('non-boi')).toBe(29);
    expect(count('exclusive-boi')).toBe(43);
    expect(count('occasional-boi')).toBe(51);
  });

  it('transcribes the 12 service rows with their ports and port types', () => {
    const rows = knowledge.matrix.services.map((s) => `${s.name} ${s.ports.join(',')} ${s.protocol}`);
    expect(rows).toEqual([
      'DLO Administration Service 3999 TCP/UDP',
      'SQL Server Browser 1434 UDP',
      'SQL Server 1433 TCP',
      'File Sharing/Browsing 135-139,445 TCP/UDP',
      'Dedupe Port 8443 HTTPS',
      'Dedupe Port 8080 HTTP',
      'Dedupe Port 8009 AJP',
      'Edge Server Port 443 HTTPS',
      'Edge Server Port 90 HTTP',
      'IO Server Port 7080 HTTP',
      'IO Server Port 7009 AJP',
      'Additional Ports for Push Installation 135,1037,441,1125 TCP',
    ]);
  });

  it.each([
    // Checked by hand against ../shared/seed/dlo-port-requirements.txt.
    ['exclusive-boi|edge-server|dedupe-server|8009', true],
    ['non-boi|edge-server|dedupe-server|8009', false], // 8009 is NA in non-BOI
    ['exclusive-boi|admin-server|dlo-clients|135,441,1037,1125', false], // push installation is NA in exclusive BOI
    ['occasional-boi|admin-console|dlo-clients|135,441,1037,1125', true],
    ['non-boi|maintenance-server|admin-server|135-139,445', false], // the admin server is a file-sharing destination only in BOI
    ['exclusive-boi|maintenance-server|admin-server|135-139,445', true],
    ['exclusive-boi|admin-server|admin-server|135-139,445', false], // never a component to itself
    ['exclusive-boi|web-restore-machine|edge-server|443', true],
    ['exclusive-boi|dlo-clients|sql-server|1433', false], // the clients' SQL rows are NA in exclusive BOI
    ['non-boi|dlo-clients|sql-server|1434', true],
  ])('%s is in the matrix: %s', (key, present) => {
    expect(knowledge.flows.map(ruleKey).includes(key)).toBe(present);
  });

  it('carries the document remarks: named pipes on file sharing to SQL Server, "or dynamic port" on 1433', () => {
    const toSql = knowledge.flows.filter((f) => f.serviceId === 'file-sharing' && f.destination === 'sql-server');
    expect(toSql.length).toBeGreaterThan(0);
    for (const f of toSql) expect(f.note).toMatch(/named pipes/);
    for (const f of knowledge.flows.filter((x) => x.ports === '1433')) expect(f.note).toMatch(/dynamic port/);
    expect(knowledge.flows.filter((f) => f.serviceId === 'file-sharing' && f.destination !== 'sql-server').every((f) => !f.note)).toBe(true);
  });

  it('keeps the document definitions of the three deployment modes', () => {
    expect(engine.catalog.modes.map((m) => m.id)).toEqual(['non-boi', 'exclusive-boi', 'occasional-boi']);
    expect(engine.catalog.modes[1].definition).toMatch(/always outside the corporate network/);
  });
});
