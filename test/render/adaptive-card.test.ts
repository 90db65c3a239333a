import { answerSchema, RULE_COLUMNS, type Answer, type Rule } from '../../src';
import {
  adaptiveCardSchema,
  escapeCardMarkdown,
  MAX_CARD_BYTES,
  renderAdaptiveCards,
  renderWelcomeCard,
  type AdaptiveCard,
} from '../../src/render/adaptive-card';

const LABELS = {
  'edge-server': 'DLO Edge Server',
  'dlo-clients': 'DLO Clients',
  'web-restore-machine': 'Web Restore Machine',
  'dedupe-server': 'DLO Dedupe Server',
  'sql-server': 'SQL Server',
  'non-boi': 'non-BOI',
  'occasional-boi': 'occasional BOI',
};

function answerOf(fields: Partial<Answer>): Answer {
  return answerSchema.parse({
    question: 'what ports does the edge server need?',
    status: 'answered',
    intent: 'component',
    modes: ['occasional-boi'],
    rules: [],
    text: 'text',
    summary: '3 rules in occasional BOI.',
    understood: 'DLO Edge Server, occasional BOI, both directions',
    matches: [],
    labels: LABELS,
    ...fields,
  });
}

const rule = (fields: Partial<Rule>): Rule => ({
  mode: 'occasional-boi',
  service: 'Edge Server Port',
  ports: '443',
  protocol: 'HTTPS',
  source: 'dlo-clients',
  destination: 'edge-server',
  ...fields,
});

type Table = Extract<AdaptiveCard['body'][number], { type: 'Table' }>;
type TextBlock = Extract<AdaptiveCard['body'][number], { type: 'TextBlock' }>;

const bytesOf = (card: AdaptiveCard) => Buffer.byteLength(JSON.stringify(card), 'utf16le');
const texts = (card: AdaptiveCard) => card.body.filter((element): element is TextBlock => element.type === 'TextBlock').map((element) => element.text);
const tables = (card: AdaptiveCard) => card.body.filter((element): element is Table => element.type === 'Table');
const cellTexts = (row: Table['rows'][number]) => row.cells.map((cell) => cell.items[0].text);

describe('An answer with rules as an Adaptive Card', () => {
  const answer = answerOf({
    modes: ['non-boi', 'occasional-boi'],
    rules: [
      rule({ source: 'dlo-clients' }),
      rule({ source: 'web-restore-machine' }),
      rule({ mode: 'non-boi', service: 'SQL Server', ports: '1433', protocol: 'TCP', source: 'dedupe-server', destination: 'sql-server', note: '1433 or dynamic port.' }),
    ],
  });
  const [card, ...more] = renderAdaptiveCards(answer);

  it('is one valid 1.5 card with a full-width layout', () => {
    expect(more).toHaveLength(0);
    expect(adaptiveCardSchema.parse(card)).toEqual(card);
    expect(card).toMatchObject({ version: '1.5', msteams: { width: 'Full' } });
  });

  it('opens with the question, the summary and the "understood as" line', () => {
    expect(texts(card).slice(0, 3)).toEqual([
      '**You asked:** what ports does the edge server need?',
      '3 rules in occasional BOI.',
      '**Understood as:** DLO Edge Server, occasional BOI, both directions',
    ]);
  });

  it('has one table per mode, in the order of the answer, each with the header row', () => {
    expect(texts(card).slice(3)).toEqual(['non-BOI', 'occasional BOI']);
    for (const table of tables(card)) {
      expect(table.firstRowAsHeader).toBe(true);
      expect(cellTexts(table.rows[0])).toEqual([...RULE_COLUMNS]);
    }
  });

  it('merges sources as the vendor document prints them, and shows notes', () => {
    const [nonBoi, occasional] = tables(card);
    expect(nonBoi.rows.slice(1).map(cellTexts)).toEqual([['SQL Server', '1433', 'TCP', 'DLO Dedupe Server', 'SQL Server', '1433 or dynamic port.']]);
    expect(occasional.rows.slice(1).map(cellTexts)).toEqual([['Edge Server Port', '443', 'HTTPS', 'DLO Clients, Web Restore Machine', 'DLO Edge Server', '—']]);
  });

  it('carries the whole answer as plain text for clients without cards', () => {
    expect(card.fallbackText.split('\n')).toEqual([
      'You asked: what ports does the edge server need?',
      '3 rules in occasional BOI.',
      'Understood as: DLO Edge Server, occasional BOI, both directions',
      'non-BOI:',
      '- SQL Server: 1433 TCP, DLO Dedupe Server -> SQL Server (1433 or dynamic port.)',
      'occasional BOI:',
      '- Edge Server Port: 443 HTTPS, DLO Clients, Web Restore Machine -> DLO Edge Server',
    ]);
  });
});

describe('Answers without rules', () => {
  it('offers the suggestions of a clarify answer as buttons that ask them', () => {
    const suggestions = ['what uses port 90?', 'what ports does the SQL Server need in occasional BOI?'];
    const [card] = renderAdaptiveCards(answerOf({ status: 'clarify', intent: 'help', question: 'which ports?', summary: 'Which component do you mean?', suggestions }));
    // A title longer than a Teams button shows is shortened at a word, with an ellipsis; the full question is what it asks.
    const titles = ['what uses port 90?', 'what ports does the SQL Server need in…'];
    expect(card.actions).toEqual(suggestions.map((question, i) => ({ type: 'Action.Submit', title: titles[i], data: { action: 'ask', question } })));
    expect(tables(card)).toHaveLength(0);
    expect(card.fallbackText).toContain(`Try: ${suggestions.join(' | ')}`);
  });

  it('shows at most five buttons, as the default host config allows', () => {
    const suggestions = Array.from({ length: 9 }, (_, index) => `what uses port ${index + 1}?`);
    const [card] = renderAdaptiveCards(answerOf({ status: 'unknown', summary: "I don't know that.", suggestions }));
    expect(card.actions).toHaveLength(5);
  });

  it('colours a yes or no verdict and shows the details of an explanation', () => {
    const [no] = renderAdaptiveCards(answerOf({ intent: 'check', verdict: 'no', summary: 'No: no rule matches in non-BOI.' }));
    expect(no.body[1]).toMatchObject({ text: 'No: no rule matches in non-BOI.', color: 'Attention' });
    const [explained] = renderAdaptiveCards(answerOf({ intent: 'explain', details: [{ title: 'Occasional BOI Deployment', body: 'For endpoints that are sometimes outside.' }] }));
    expect(texts(explained)).toEqual(expect.arrayContaining(['Occasional BOI Deployment', 'For endpoints that are sometimes outside.']));
  });

  it('leaves out the question line when the question was only a mention', () => {
    const [card] = renderAdaptiveCards(answerOf({ question: '   ', status: 'clarify', summary: 'I got an empty question.' }));
    expect(texts(card)[0]).toBe('I got an empty question.');
  });
});

describe('A change between modes', () => {
  it('marks added and removed flows', () => {
    const [card] = renderAdaptiveCards(
      answerOf({ intent: 'diff', rules: [rule({ change: 'added' }), rule({ service: 'Dedupe Port', ports: '8009', protocol: 'AJP', change: 'removed' })] }),
    );
    const [table] = tables(card);
    expect(table.rows[1].cells[0].items[0]).toMatchObject({ text: '\\+ Edge Server Port', color: 'Good' });
    expect(table.rows[2].cells[0].items[0]).toMatchObject({ text: '\\- Dedupe Port', color: 'Attention' });
  });
});

describe('Text a user typed', () => {
  it.each([
    ['**bold** and _italic_', '\\*\\*bold\\*\\* and \\_italic\\_'],
    ['[click](https://evil.example)', '\\[click\\](https://evil.example)'],
    ['<at>everyone</at> &lt;', '\\<at\\>everyone\\</at\\> \\&lt;'],
    ['{{DATE(2017-02-14T06:08:39Z, SHORT)}}', '\\{\\{DATE(2017-02-14T06:08:39Z, SHORT)\\}\\}'],
    ['`code` ~strike~ back\\slash', '\\`code\\` \\~strike\\~ back\\\\slash'],
    ['- a list item', '\\- a list item'],
    ['+ another', '\\+ another'],
    ['1. first', '1\\. first'],
    ['# heading', '\\# heading'],
    ['ports 135-139 and 1.2.3', 'ports 135-139 and 1.2.3'],
  ])('shows %j as typed', (typed, escaped) => {
    expect(escapeCardMarkdown(typed)).toBe(escaped);
  });

  it('is shown back escaped, on one line, and clipped', () => {
    const [card] = renderAdaptiveCards(answerOf({ question: `**hi**\n- [x](y) ${'port '.repeat(200)}` }));
    const echo = texts(card)[0];
    expect(echo.startsWith('**You asked:** \\*\\*hi\\*\\* - \\[x\\](y) port')).toBe(true);
    expect(echo.length).toBeLessThan(400);
  });
});

describe('An answer too large for one card', () => {
  // Long notes and many flows: far more than the whole matrix.
  const rules = Array.from({ length: 900 }, (_, index) =>
    rule({ mode: index % 2 ? 'occasional-boi' : 'non-boi', service: `Service ${index}`, ports: String(1000 + index), note: `note ${index} `.repeat(8) }),
  );
  const answer = answerOf({ modes: ['non-boi', 'occasional-boi'], rules, suggestions: ['what uses port 90?'] });
  const cards = renderAdaptiveCards(answer);

  it('splits into cards that each stay under the size limit', () => {
    expect(cards.length).toBeGreaterThan(1);
    for (const card of cards) {
      expect(adaptiveCardSchema.safeParse(card).success).toBe(true);
      expect(bytesOf(card)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    }
    expect(MAX_CARD_BYTES).toBeLessThan(80 * 1024);
  });

  it('keeps every rule exactly once, in order, under a header row on every card', () => {
    const services = cards.flatMap((card) => tables(card).flatMap((table) => {
      expect(cellTexts(table.rows[0])).toEqual([...RULE_COLUMNS]);
      return table.rows.slice(1).map((row) => row.cells[0].items[0].text);
    }));
    const expected = [...rules.filter((r) => r.mode === 'non-boi'), ...rules.filter((r) => r.mode === 'occasional-boi')].map((r) => r.service);
    expect(services).toEqual(expected);
  });

  it('titles a table that continues from the card before, and puts the buttons on the last card', () => {
    expect(texts(cards[1])[0]).toMatch(/^(non-BOI|occasional BOI)( \(continued\))?$/);
    expect(cards.some((card) => texts(card).includes('non-BOI (continued)'))).toBe(true);
    expect(cards.slice(0, -1).every((card) => card.actions === undefined)).toBe(true);
    // "Show diagram", then the one suggestion.
    expect(cards[cards.length - 1].actions?.map((action) => action.data.action)).toEqual(['diagram', 'ask']);
  });

  it('fits into smaller cards when asked to', () => {
    const small = renderAdaptiveCards(answer, 20_000);
    expect(small.every((card) => bytesOf(card) <= 20_000)).toBe(true);
  });
});

describe('The buttons of an answer with rules', () => {
  it('keeps "Show diagram" and the suggestions within the five top-level actions', () => {
    const suggestions = Array.from({ length: 9 }, (_, index) => `what uses port ${index + 1}?`);
    const cards = renderAdaptiveCards(answerOf({ rules: [rule({})], suggestions }));
    const actions = cards[cards.length - 1].actions ?? [];
    expect(actions).toHaveLength(5);
    expect(actions.map((action) => action.data.action)).toEqual(['diagram', 'ask', 'ask', 'ask', 'ask']);
    expect(cards[cards.length - 1].fallbackText).toContain('Try: what uses port 1? | what uses port 2? | what uses port 3? | what uses port 4?');
    expect(cards[cards.length - 1].fallbackText).not.toContain('what uses port 5?');
  });
});

describe('The welcome card', () => {
  it('says what the bot answers and offers the examples as buttons', () => {
    const card = renderWelcomeCard({ product: 'Veritas Desktop and Laptop Option (DLO)', examples: ['what uses port 8009?', 'all firewall rules'] });
    expect(adaptiveCardSchema.safeParse(card).success).toBe(true);
    expect(texts(card)[0]).toContain('which firewall ports Veritas Desktop and Laptop Option (DLO) needs');
    expect(card.actions?.map((action) => action.data)).toEqual([
      { action: 'ask', question: 'what uses port 8009?' },
      { action: 'ask', question: 'all firewall rules' },
    ]);
  });
});
