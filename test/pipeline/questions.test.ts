import { engine, knowledge, ruleKeys, rulesWhere, touches } from '../helpers/engine';

const ask = (q: string) => engine.ask(q);
const sources = (q: string) => [...new Set(ask(q).rules.map((r) => r.source))].sort();
const destinations = (q: string) => [...new Set(ask(q).rules.map((r) => r.destination))].sort();

describe('When asking about one component', () => {
  it.each<[string, string, string]>([
    ['what ports does the Edge Server need in occasional BOI?', 'edge-server', 'occasional-boi'],
    ['edge svr ports for occasional backup over the internet', 'edge-server', 'occasional-boi'],
    ['Occasional BOI: which rules involve the DLO Edge Server', 'edge-server', 'occasional-boi'],
    ['ports for the DLO agents in non-BOI', 'dlo-clients', 'non-boi'],
    ['what do the endpoints need in on-prem deployments', 'dlo-clients', 'non-boi'],
    ['IO server ports non boi', 'io-server', 'non-boi'],
    ['mssql in exclusive boi', 'sql-server', 'exclusive-boi'],
    ['DLO database, internet only', 'sql-server', 'exclusive-boi'],
  ])('"%s" gives every rule of %s in %s', (q, component, mode) => {
    const a = ask(q);
    expect(a.status).toBe('answered');
    expect(ruleKeys(a)).toEqual(rulesWhere((f) => f.mode === mode && touches(f, component)));
  });

  it('reads "inbound", "open on", "listens on" and "to X" as X being the destination', () => {
    for (const q of ['inbound ports on the edge server in exclusive BOI', 'what must be open on the edge server in exclusive BOI', 'which ports does the edge server listen on in exclusive BOI', 'ports to the edge server in exclusive BOI'])
      expect(destinations(q)).toEqual(['edge-server']);
  });

  it('reads "outbound", "from X", "X connects to" and "X needs to reach" as X being the source', () => {
    for (const q of ['outbound ports of the edge server in exclusive BOI', 'ports from the edge server in exclusive BOI', 'what does the edge server connect to in exclusive BOI', 'what does the edge server need to reach in exclusive BOI'])
      expect(sources(q)).toEqual(['edge-server']);
  });

  it('reads "where the source is X" and "destination X" as ends', () => {
    expect(sources('show rules where the source is the edge server in exclusive BOI')).toEqual(['edge-server']);
    expect(destinations('rules with destination sql server in non boi')).toEqual(['sql-server']);
  });

  it('takes "for X" and "X needs" as both directions, and inbound plus outbound make the whole', () => {
    const both = ruleKeys(ask('ports for the IO server in occasional BOI'));
    const inbound = ruleKeys(ask('inbound ports for the IO server in occasional BOI'));
    const outbound = ruleKeys(ask('outbound ports for the IO server in occasional BOI'));
    expect(inbound.length).toBeGreaterThan(0);
    expect(outbound.length).toBeGreaterThan(0);
    expect([...inbound, ...outbound].sort()).toEqual(both);
  });

  it('does not mistake the storage location for the dedupe storage location', () => {
    expect(ask('storage location ports in non BOI').rules.every((r) => [r.source, r.destination].includes('storage-location'))).toBe(true);
    expect(ask('dedupe storage location ports in non BOI').rules.every((r) => [r.source, r.destination].includes('dedupe-storage-location'))).toBe(true);
  });
});

describe('When asking about two components', () => {
  it('"from A to B" gives only A to B', () => {
    expect(ruleKeys(ask('ports from the edge server to the dedupe server in exclusive BOI'))).toEqual(['exclusive-boi|edge-server|dedupe-server|8009']);
    expect(ask('ports from the dedupe server to the edge server in exclusive BOI').rules).toHaveLength(0);
  });

  it('"between A and B" gives both directions', () => {
    expect(ruleKeys(ask('between the console and the edge in occasional BOI'))).toEqual([
      'occasional-boi|admin-console|edge-server|443',
      'occasional-boi|admin-console|edge-server|90',
    ]);
  });

  it('"A to B" with only B marked puts A at the source', () => {
    expect(sources('what does the maintenance server need to the SQL server')).toEqual(['maintenance-server']);
    expect(destinations('what does the maintenance server need to the SQL server')).toEqual(['sql-server']);
  });

  it('"not only A but also B" and "both storage locations" give each one\'s rules, not the flows between them', () => {
    const inbound = ask("I need not only the Edge Server's inbound ports but also the IO Server's, exclusive BOI.");
    expect(ruleKeys(inbound)).toEqual(rulesWhere((f) => f.mode === 'exclusive-boi' && ['edge-server', 'io-server'].includes(f.destination)));
    expect(inbound.intent).toBe('component');
    const both = ask('what do both storage locations need in non-BOI?');
    expect(ruleKeys(both)).toEqual(rulesWhere((f) => f.mode === 'non-boi' && (touches(f, 'storage-location') || touches(f, 'dedupe-storage-location'))));
    expect(ruleKeys(ask('which ports are between the two storage locations'))).toEqual([]);
  });
});

describe('When asking about a port, a service or a transport', () => {
  it('finds a port inside a range: 137 is in 135-139', () => {
    const a = ask('what is 137 used for in non-BOI');
    expect(a.intent).toBe('port');
    expect(ruleKeys(a)).toEqual(rulesWhere((f) => f.mode === 'non-boi' && f.ports === '135-139,445'));
  });

  it('finds port 135 in both file sharing and push installation', () => {
    expect(new Set(ask('port 135 in occasional BOI').rules.map((r) => r.service))).toEqual(new Set(['File Sharing/Browsing', 'Additional Ports for Push Installation']));
  });

  it('counts HTTP, HTTPS and AJP as TCP, and TCP/UDP as both', () => {
    const tcp = ask('TCP ports of the edge server in exclusive BOI').rules.map((r) => r.protocol);
    expect(new Set(tcp)).toEqual(new Set(['HTTPS', 'HTTP', 'AJP', 'TCP', 'TCP/UDP']));
    const udp = ask('UDP ports of the edge server in exclusive BOI').rules.map((r) => r.protocol);
    expect(new Set(udp)).toEqual(new Set(['UDP', 'TCP/UDP']));
  });

  it.each<[string, string, string[]]>([
    ['SMB ports in exclusive BOI', 'file-sharing', ['exclusive-boi']],
    ['push install ports', 'push-install', ['non-boi', 'exclusive-boi', 'occasional-boi']],
    ['sql browser in occasional', 'sql-browser', ['occasional-boi']],
  ])('"%s": every rule of the %s row in %j', (q, service, modes) => {
    expect(ruleKeys(ask(q))).toEqual(rulesWhere((f) => f.serviceId === service && modes.includes(f.mode)));
  });
});

describe('When asking about modes', () => {
  it('no mode means all three; "BOI" alone means both BOI modes', () => {
    expect(ask('edge server ports').modes).toEqual(['non-boi', 'exclusive-boi', 'occasional-boi']);
    expect(ask('edge server ports for BOI').modes).toEqual(['exclusive-boi', 'occasional-boi']);
    expect(ask('edge server ports for backup over internet').modes).toEqual(['exclusive-boi', 'occasional-boi']);
  });

  it('understands how admins describe a mode', () => {
    expect(ask('clients ports when they are always remote').modes).toEqual(['exclusive-boi']);
    expect(ask('clients ports for a hybrid workforce').modes).toEqual(['occasional-boi']);
    expect(ask('clients ports on the corporate network only').modes).toEqual(['non-boi']);
  });

  it('a mode alone gives all its rules', () => {
    expect(ruleKeys(ask('everything for exclusive BOI'))).toEqual(rulesWhere((f) => f.mode === 'exclusive-boi'));
    expect(ruleKeys(ask('the entire port list'))).toEqual(rulesWhere(() => true));
  });

  it('explains a mode in the document\'s words', () => {
    const a = ask('what does exclusive BOI mean?');
    expect(a.intent).toBe('explain');
    expect(a.details?.[0].body).toMatch(/always outside the corporate network/);
  });
});

describe('When asking yes or no', () => {
  it.each([
    ['is port 8009 needed in non-BOI?', 'no'],
    ['is 8009 needed in exclusive BOI?', 'yes'],
    ['does the maintenance server need 1433?', 'no'],
    ['do the clients need 8443 to the dedupe server in occasional BOI?', 'yes'],
    ['8443 required for clients in exclusive BOI?', 'no'],
  ])('"%s" → %s', (q, verdict) => {
    const a = ask(q);
    expect(a.intent).toBe('check');
    expect(a.verdict).toBe(verdict);
    expect(a.rules.length > 0).toBe(verdict === 'yes');
  });

  it('answers "can I close it?" as "is it needed?" and says so', () => {
    const a = ask('can I close 1434 in exclusive BOI?');
    expect(a.verdict).toBe('yes');
    expect(a.text).toMatch(/is it needed/);
    expect(a.text).toMatch(/Keep it open/);
  });

  it('does not take "can you show..." for a yes/no question', () => {
    expect(ask('can you show me the edge server ports in exclusive BOI').intent).toBe('component');
  });
});

describe('When asking what changes between modes', () => {
  it('lists added and removed flows, by service, source and destination', () => {
    const a = ask('what changes going from exclusive BOI to occasional BOI');
    expect(a.intent).toBe('diff');
    expect(a.rules.every((r) => r.change === 'added' && r.mode === 'occasional-boi')).toBe(true);
    // Exclusive BOI has no flow occasional BOI lacks; occasional adds the clients' flows inside the network.
    const inExclusive = new Set(knowledge.flows.filter((f) => f.mode === 'exclusive-boi').map((f) => `${f.serviceId}|${f.source}|${f.destination}`));
    expect(ruleKeys(a)).toEqual(rulesWhere((f) => f.mode === 'occasional-boi' && !inExclusive.has(`${f.serviceId}|${f.source}|${f.destination}`)));
  });

  it('narrows a diff to a component', () => {
    const a = ask('what changes for the edge server from non-BOI to exclusive BOI');
    expect(a.rules.length).toBeGreaterThan(0);
    expect(a.rules.every((r) => [r.source, r.destination].includes('edge-server'))).toBe(true);
  });

  it('asks from which mode when only the target is named', () => {
    const a = ask('what changes if we move to exclusive BOI?');
    expect(a.status).toBe('clarify');
    expect(a.suggestions).toEqual(['what changes from non-BOI to exclusive BOI?', 'what changes from occasional BOI to exclusive BOI?']);
  });
});

describe('When the question is vague, or help is asked for', () => {
  it.each(['which ports?', 'what do I need to open', 'firewall rules please', 'ports'])('"%s" asks to clarify, with suggestions', (q) => {
    const a = ask(q);
    expect(a.status).toBe('clarify');
    expect(a.rules).toHaveLength(0);
    expect(a.suggestions?.length).toBeGreaterThan(0);
  });

  it('help lists what it can answer', () => {
    const a = ask('help');
    expect(a.intent).toBe('help');
    expect(a.suggestions?.length).toBeGreaterThan(2);
  });
});

describe('How the question was understood', () => {
  it('says it in one line', () => {
    expect(ask('what ports does the Edge Server need in occasional BOI?').understood).toBe('DLO Edge Server, occasional BOI, both directions');
  });

  it('records which words matched what, and which were typos', () => {
    const { matches } = ask('edge sever ports in exlusive boi');
    expect(matches).toEqual([
      { kind: 'component', id: 'edge-server', words: 'edge server', how: 'fuzzy' },
      { kind: 'mode', id: 'exclusive-boi', words: 'exclusive boi', how: 'fuzzy' },
    ]);
  });

  it('ignores Slack and Teams mention markup', () => {
    for (const q of ['<@U123ABC> what uses 8009?', '<at>DLO Ports</at> what uses 8009?', '<!here> what uses 8009?'])
      expect(ruleKeys(ask(q))).toEqual(ruleKeys(ask('what uses 8009?')));
  });
});

describe('When the question rules something out, or names numbers that are no ports', () => {
  it('excludes what follows "not", "but not", "except"', () => {
    expect(new Set(ask('HTTP (not HTTPS) ports').rules.map((r) => r.protocol))).toEqual(new Set(['HTTP']));
    expect(ask('all rules except the clients in exclusive BOI').rules.some((r) => [r.source, r.destination].includes('dlo-clients'))).toBe(false);
    expect(ruleKeys(ask('all rules except the clients in exclusive BOI'))).toEqual(rulesWhere((f) => f.mode === 'exclusive-boi' && !touches(f, 'dlo-clients')));
  });

  it('reads "not using BOI" as non-BOI, not as BOI', () => {
    for (const q of ['SQL server ports, BOI disabled', 'dedupe server ports - we are not using backup over internet', 'sql ports when we dont use backup over internet'])
      expect(ask(q).modes).toEqual(['non-boi']);
  });

  it('keeps "console PC" the console, and reads "binds", "as the source", "->" as directions', () => {
    expect(sources('what does the console PC connect to on the edge server?')).toEqual(['admin-console']);
    expect(destinations('which ports does the admin server bind in non-BOI')).toEqual(['admin-server']);
    expect(sources('edge server as the source, exclusive BOI')).toEqual(['edge-server']);
    expect(ruleKeys(ask('tcp 8009 edge -> dedupe in occasional boi'))).toEqual(['occasional-boi|edge-server|dedupe-server|8009']);
  });

  it('does not take ticket ids, versions or counts for ports', () => {
    const inExclusive = (id: string) => rulesWhere((f) => f.mode === 'exclusive-boi' && touches(f, id));
    expect(ruleKeys(ask('CR-4411: ruleset for the DLO maintenance server, exclusive BOI'))).toEqual(inExclusive('maintenance-server'));
    expect(ruleKeys(ask('edge server ports on Windows Server 2019 in exclusive BOI'))).toEqual(inExclusive('edge-server'));
    expect(ruleKeys(ask('IO server ports, 2 servers, exclusive BOI'))).toEqual(inExclusive('io-server'));
  });
});
