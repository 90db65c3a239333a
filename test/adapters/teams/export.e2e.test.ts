import { createEngine, exportAnswer, loadDefaultKnowledge } from '../../../src';
import { messageActivity, postActivity, startConnector, startTeams } from './support';

const engine = createEngine(loadDefaultKnowledge());

/** The export parts a turn posted, as the text between their code fences, in order. */
function exportedParts(texts: string[]): { headings: string[]; content: string } {
  const parts = texts.filter((t) => /^\*\*firewall-rules/.test(t));
  const content = parts.map((t) => t.replace(/^[^\n]*\n\n`{3,}\n/, '').replace(/\n`{3,}$/, '\n')).join('');
  return { headings: parts.map((t) => t.split('\n', 1)[0]), content };
}

describe('Teams: "export ... as CSV" and other exports in chat', () => {
  let connector: Awaited<ReturnType<typeof startConnector>>;
  let teams: Awaited<ReturnType<typeof startTeams>>;
  beforeAll(async () => {
    connector = await startConnector();
    teams = await startTeams({});
  });
  afterAll(async () => {
    await teams.server.close();
    await connector.close();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });

  const ask = async (text: string) => {
    await postActivity(teams.server.url, messageActivity(connector.url, { text }));
    return connector.calls.map((c) => (c.body as { text?: string }).text ?? '');
  };

  it('answers with the card, then the whole export as a code block', async () => {
    const question = 'export the exclusive BOI rules as CSV';
    const texts = await ask(question);
    expect(connector.calls).toHaveLength(2);
    const expected = exportAnswer(engine.ask(question), engine.catalog);
    const { headings, content } = exportedParts(texts);
    expect(headings).toEqual([`**${expected.filename}**`]);
    expect(content).toBe(expected.content);
  });

  it('sends a large export in labelled parts that join back exactly, never cut', async () => {
    const question = 'the entire port list as json';
    const texts = await ask(question);
    const expected = exportAnswer(engine.ask(question), engine.catalog);
    const { headings, content } = exportedParts(texts);
    expect(headings.length).toBeGreaterThan(1);
    expect(headings[0]).toMatch(/\(part 1 of \d+\)$/);
    expect(content).toBe(expected.content);
    expect(texts.every((t) => t.length < 14_000)).toBe(true);
  });
});
