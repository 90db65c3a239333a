import { createLogger } from '../../adapters/logger';
import { readAside, READ_ASIDE_FROM, readerFor } from '../../adapters/read-aside';
import { SLOW_INPUTS } from '../../bench/slow-inputs';
import { createEngine, type Engine } from '../../src';
import { snapshotOf } from '../../src/knowledge/snapshot';
import { knowledge } from '../helpers/engine';

/** An engine of the real knowledge that counts the questions it reads on this thread. */
function countingEngine() {
  const engine = createEngine(knowledge);
  const onThisThread = { ask: 0, converse: 0 };
  const counted: Engine = {
    ...engine,
    catalog: engine.catalog,
    ask: (question, options) => (onThisThread.ask++, engine.ask(question, options)),
    converse: (question, context, options) => (onThisThread.converse++, engine.converse(question, context, options)),
  };
  return { engine, counted, onThisThread };
}

function recordingLog() {
  const lines: Array<{ event?: string; reason?: string }> = [];
  return { log: createLogger((line) => lines.push(JSON.parse(line))), lines };
}

const slowest = SLOW_INPUTS.map((input) => input.question);
const longFollowUp = `${'and what about the storage location in that case, '.repeat(12)}and in occasional BOI?`;

describe('Reading long questions aside, in a worker thread', () => {
  const { engine, counted, onThisThread } = countingEngine();
  const { log, lines } = recordingLog();
  const reader = readAside(counted, snapshotOf(knowledge), log);
  afterAll(() => reader.close());

  it('answers each of the slowest 4,000-character shapes exactly as the engine does, without reading it on this thread', async () => {
    for (const question of slowest) expect(await reader.ask(question)).toEqual(engine.ask(question));
    expect(onThisThread.ask).toBe(0);
  }, 60_000);

  it('keeps a conversation: a long follow-up read aside takes the context as it would here', async () => {
    const first = engine.converse('what ports does the edge server need in non-BOI?');
    expect(longFollowUp.length).toBeGreaterThanOrEqual(READ_ASIDE_FROM);
    expect(await reader.converse(longFollowUp, first.context)).toEqual(engine.converse(longFollowUp, first.context));
    expect(onThisThread.converse).toBe(0);
  });

  it('reads a short question here, where it costs less than the trip', async () => {
    const before = onThisThread.ask;
    expect(await reader.ask('is 8009 needed in non-BOI?')).toEqual(engine.ask('is 8009 needed in non-BOI?'));
    expect(onThisThread.ask).toBe(before + 1);
  });

  it('is what every surface asks through, once started for the engine', async () => {
    expect(readerFor(counted)).toBe(reader);
    const other = createEngine(knowledge);
    // An engine with no worker of its own is read on this thread.
    expect(await readerFor(other).ask(slowest[0])).toEqual(engine.ask(slowest[0]));
  });

  it('logs nothing while the worker answers', () => {
    expect(lines.filter((line) => line.event === 'read_aside_unavailable')).toEqual([]);
  });
});

describe('The worker, started on the first long question', () => {
  it('is not started for short questions, then once for long ones', async () => {
    const { counted } = countingEngine();
    const { log, lines } = recordingLog();
    const reader = readAside(counted, snapshotOf(knowledge), log);
    const starts = () => lines.filter((line) => line.event === 'read_aside_started').length;
    try {
      await reader.ask('is 8009 needed in non-BOI?');
      expect(starts()).toBe(0);
      await reader.ask(slowest[0]);
      await reader.ask(slowest[1]);
      expect(starts()).toBe(1);
    } finally {
      await reader.close();
    }
  }, 30_000);

  it('of another build than the server (dist/ rebuilt meanwhile) reads nothing: the server reads the question itself', async () => {
    const { engine, counted, onThisThread } = countingEngine();
    const { log, lines } = recordingLog();
    const reader = readAside(counted, snapshotOf(knowledge), log, { bundle: 'an older build' });
    try {
      expect(await reader.ask(slowest[0])).toEqual(engine.ask(slowest[0]));
      expect(onThisThread.ask).toBe(1);
      expect(lines.filter((line) => line.event === 'read_aside_unavailable').map((line) => line.reason)).toEqual([expect.stringMatching(/another build/)]);
    } finally {
      await reader.close();
    }
  }, 30_000);
});

describe('When the worker cannot read', () => {
  it('answers on this thread instead, and says so once', async () => {
    const { engine, counted, onThisThread } = countingEngine();
    const { log, lines } = recordingLog();
    // A snapshot the worker cannot build an engine from: it dies at start.
    const reader = readAside(counted, 'not a snapshot', log);
    try {
      for (const question of slowest.slice(0, 3)) expect(await reader.ask(question)).toEqual(engine.ask(question));
      expect(onThisThread.ask).toBe(3);
      expect(lines.filter((line) => line.event === 'read_aside_unavailable')).toHaveLength(1);
    } finally {
      await reader.close();
    }
  }, 30_000);
});
