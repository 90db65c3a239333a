import { engine } from '../helpers/engine';

// Questions about things the matrix does not hold: the engine must say it does not know,
// never answer with the nearest fuzzy match.
describe('When the question is about something the matrix does not hold', () => {
  it.each([
    "what's the weather in Paris?",
    'tell me a joke',
    'what port does Exchange use?',
    'what port does Exchange use in exclusive BOI?',
    'which ports does the Backup Exec media server need?',
    'ports between the edge server and the exchange server',
    'NetBackup master server ports',
    'port 22',
    'is 3389 needed in non-BOI?',
    'can I close port 8888?',
    'what uses 443 and 3389',
    'port 70000',
    'what does the Veeam proxy need to reach',
    'ports for the Sharepoint server',
  ])('"%s" is unknown, with suggestions and no rules', (q) => {
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.rules).toHaveLength(0);
    expect(a.suggestions?.length).toBeGreaterThan(0);
    expect(a.text).toMatch(/I don't know that/);
  });

  it('does not narrow the modes on a word that only looks like a mode ("exclusively")', () => {
    expect(engine.ask('which ports does the edge server use exclusively?').modes).toHaveLength(3);
  });

  it('does not read "change" into "exchange" or "server" into "service"', () => {
    expect(engine.ask('exchange ports').intent).not.toBe('diff');
    expect(engine.ask('storage location ports').rules.every((r) => r.service !== 'DLO Administration Service')).toBe(true);
  });
});

describe('When a question names another product beside ours, or a word nobody knows', () => {
  it.each([
    'Exchange ports for the SQL server',
    'RDP to the admin server',
    'WinRM ports for the admin server',
    'NetBackup 443',
    'MySQL ports',
    'SSRS ports',
    'SQL Server Management Studio ports',
    'Remote Desktop ports for the admin server',
    'veeam12 ports for the SQL server',
    'Exchange2019 ports for the SQL server',
    'ports for VEEAM-12 sql',
  ])('"%s" is unknown, not the rest of the question answered', (q) => {
    const a = engine.ask(q);
    expect(a.status).toBe('unknown');
    expect(a.rules).toHaveLength(0);
  });

  it('offers the question with the nearest name, or without the unknown word, as "did you mean"', () => {
    expect(engine.ask('edge srvar ports in exclusive BOI').suggestions?.[0]).toBe('edge server ports in exclusive BOI');
    expect(engine.ask('which ports does the IO server need, urgentish').suggestions).toContain('which ports does the IO server need');
    expect(engine.ask('Exchange ports for the SQL server').suggestions).not.toContain('ports for the SQL server');
  });

  it('keeps ordinary English ordinary: "exclusion" is not "exclusive", but "admin sever" is the admin server', () => {
    expect(engine.ask('Which firewall exclusion do I need for the IO server?').modes).toHaveLength(3);
    expect(engine.ask('admin sever ports in non boi').understood).toBe('DLO Administration Server, non-BOI, both directions');
  });

  it('answers "tell me a joke" and the weather as off-topic', () => {
    for (const q of ['tell me a joke', 'how is the weather today']) expect(engine.ask(q).status).toBe('unknown');
  });
});
