import type { ConversationContext } from '../../src';
import { engine } from '../helpers/engine';

/** Runs a chain of questions as one conversation; returns each answer's understood line, status and rule count. */
function chain(questions: string[]) {
  let context: ConversationContext | undefined;
  return questions.map((q) => {
    const result = engine.converse(q, context);
    context = result.context;
    return { q, understood: result.answer.understood, status: result.answer.status, rules: result.answer.rules.length, answer: result.answer };
  });
}

describe('When a question follows another in the same conversation', () => {
  it('carries the component, the mode, the direction and the format over five turns', () => {
    const turns = chain([
      'what ports does the Edge Server need in exclusive BOI?',
      'and in occasional?',
      'what about the IO server?',
      'only inbound',
      'as CSV',
    ]);
    // What a fragment takes from the question before, the line says.
    expect(turns.map((t) => t.understood)).toEqual([
      'DLO Edge Server, exclusive BOI, both directions',
      'DLO Edge Server (from your previous question), occasional BOI, both directions',
      'DLO IO Server, occasional BOI (from your previous question), both directions',
      'to DLO IO Server (from your previous question), occasional BOI (from your previous question), inbound',
      'to DLO IO Server (from your previous question), occasional BOI (from your previous question), inbound (from your previous question), as csv',
    ]);
    expect(turns[4].answer.format).toBe('csv');
    expect(turns[3].answer.rules.every((r) => r.destination === 'io-server' && r.mode === 'occasional-boi')).toBe(true);
  });

  it('carries the transport and the port, and keeps a yes/no question a yes/no question', () => {
    const turns = chain(['UDP ports for the SQL server in non-BOI', 'and in exclusive BOI?', 'is 8009 needed in non-BOI?', 'and in exclusive?', 'what about occasional BOI']);
    expect(turns[1].answer.rules.every((r) => ['UDP', 'TCP/UDP'].includes(r.protocol) && r.mode === 'exclusive-boi')).toBe(true);
    expect(turns.slice(2).map((t) => [t.answer.intent, t.answer.verdict])).toEqual([
      ['check', 'no'],
      ['check', 'yes'],
      ['check', 'yes'],
    ]);
  });

  it('filters the previous subject by a transport, and reads "it" as the component asked about before', () => {
    const edge = 'what ports does the Edge Server need in exclusive BOI?';
    const [, udp] = chain([edge, 'what about UDP?']);
    expect(udp.understood).toBe('DLO Edge Server (from your previous question), UDP, exclusive BOI (from your previous question), both directions');
    expect(udp.rules).toBe(5);
    const [, https] = chain([edge, 'is 443 needed for it?']);
    expect(https.answer).toMatchObject({ intent: 'check', verdict: 'yes' });
    expect(https.answer.rules.every((r) => [r.source, r.destination].includes('edge-server') && r.mode === 'exclusive-boi' && r.ports === '443')).toBe(true);
    const [, both] = chain([edge, 'Do I need TCP or UDP for that one?']);
    expect(both.rules).toBe(12);
  });

  it('asks which component "that one" is when nothing was asked before', () => {
    const [only] = chain(['Do I need TCP or UDP for that one?']);
    expect(only.status).toBe('clarify');
    expect(only.rules).toBe(0);
  });

  it('replaces the context with a question that stands alone', () => {
    const turns = chain(['what ports does the Edge Server need in exclusive BOI?', 'what uses port 137?']);
    expect(turns[1].understood).toBe('port 137, all modes');
  });

  it('narrows a diff to a component', () => {
    const turns = chain(['what changes from non-BOI to exclusive BOI', 'and for the edge server?']);
    expect(turns[1].answer.intent).toBe('diff');
    expect(turns[1].answer.rules.every((r) => [r.source, r.destination].includes('edge-server'))).toBe(true);
  });

  it('completes a question it asked to clarify with a fragment', () => {
    const turns = chain(['what does the server need in exclusive BOI', 'the edge server']);
    expect(turns[0].status).toBe('clarify');
    expect(turns[0].answer.suggestions).toContain('what ports does the DLO Edge Server need in exclusive BOI?');
    expect(turns[1]).toMatchObject({ status: 'answered', understood: 'DLO Edge Server, exclusive BOI (from your previous question), both directions', rules: 12 });
  });

  it('completes "which mode?" with just "occasional"', () => {
    const turns = chain(['what changes if we move to exclusive BOI?', 'from occasional']);
    expect(turns[1].answer.intent).toBe('diff');
    expect(turns[1].understood).toBe('changes from occasional BOI to exclusive BOI (from your previous question)');
  });

  it('forgets everything on "start over"', () => {
    const turns = chain(['what ports does the Edge Server need in exclusive BOI?', 'start over', 'and in occasional?']);
    expect(turns[1].answer.summary).toMatch(/Starting over/);
    expect(turns[2].understood).toBe('occasional BOI');
    expect(turns[2].rules).toBe(51);
  });

  it('keeps the context across an out-of-scope question', () => {
    const turns = chain(['what ports does the Edge Server need in exclusive BOI?', 'tell me a joke', 'and in occasional?']);
    expect(turns[1].status).toBe('unknown');
    expect(turns[2].understood).toBe('DLO Edge Server (from your previous question), occasional BOI, both directions');
  });

  it('answers a question without context exactly as ask() does', () => {
    for (const q of ['and in occasional?', 'what about the IO server?', 'only inbound']) expect(engine.converse(q).answer).toEqual(engine.ask(q));
  });
});
