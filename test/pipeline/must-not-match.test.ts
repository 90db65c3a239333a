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

  it('does not read "change" into "exchange" or "server" into "service"', () => {
    expect(engine.ask('exchange ports').intent).not.toBe('diff');
    expect(engine.ask('storage location ports').rules.every((r) => r.service !== 'DLO Administration Service')).toBe(true);
  });
});
