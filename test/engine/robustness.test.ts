import { answerSchema } from '../../src';
import { engine, knowledge, ruleKey } from '../helpers/engine';

describe('When the input is not a reasonable question', () => {
  const inputs: [string, string][] = [
    ['empty', ''],
    ['blank', '   \n\t '],
    ['only a mention', '<@U123ABC>'],
    ['only a Teams mention', '<at>DLO Bot</at>'],
    ['100 KB of text', 'edge server '.repeat(9000)],
    ['binary', Buffer.from(Array.from({ length: 512 }, (_, i) => i % 256)).toString('latin1')],
    ['emoji', '🔥🔥 what ports 🤔 does the edge 🧱 server need?'],
    ['markup', '<img src=x onerror=alert(1)> <script>alert(1)</script>'],
    ['a long run of digits', '9'.repeat(3000)],
    ['control characters', '\u0000\u0001\u001b[31medge\u0007 server'],
    ['right-to-left and combining marks', '\u202eedge server\u0301 ports'],
  ];

  it.each(inputs)('%s: answers in the contract form without throwing', (_, q) => {
    const a = engine.ask(q);
    expect(() => answerSchema.parse(a)).not.toThrow();
    const known = new Set(knowledge.flows.map(ruleKey));
    expect(a.rules.every((r) => known.has(ruleKey(r)))).toBe(true);
    if (a.status !== 'answered') expect(a.rules).toHaveLength(0);
  });

  // The shapes that would make a backtracking pattern explode, at the longest accepted length.
  // No timing here (that is npm run bench's worst case): a catastrophic pattern would hang the test.
  it.each([
    ['unclosed mentions', '<@'.repeat(2000)],
    ['dashes between digits', '1-'.repeat(2000)],
    ['version-like digits', '1.'.repeat(2000)],
    ['entities', '&amp;'.repeat(800)],
    ['one long word', 'a'.repeat(4000)],
    ['many distinct misspellings', Array.from({ length: 600 }, (_, i) => `srv${i}x`).join(' ').slice(0, 4000)],
  ])('answers %s at 4,000 characters', (_, q) => {
    expect(q.length).toBeLessThanOrEqual(4000);
    expect(() => answerSchema.parse(engine.ask(q))).not.toThrow();
  });

  it('refuses over-long input with a clear message', () => {
    const a = engine.ask('x'.repeat(4001));
    expect(a.status).toBe('clarify');
    expect(a.text).toMatch(/over 4,000 characters/);
  });

  it('refuses input that is empty once mentions are removed', () => {
    const a = engine.ask('<@U123ABC>  ');
    expect(a.status).toBe('clarify');
    expect(a.text).toMatch(/empty question/);
  });

  it('gives the same answer every time', () => {
    const q = 'what ports does the edge sever need in occasional BOI?';
    expect(engine.ask(q)).toEqual(engine.ask(q));
  });
});
