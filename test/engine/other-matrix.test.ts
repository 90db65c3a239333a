import { join, resolve } from 'node:path';
import { createEngine, loadKnowledge } from '../../src';

// Nothing in src/ knows DLO or English: a made-up product's matrix, vocabulary and small locale
// (test/fixtures/acme) are read by the same refiners.
describe("When the engine is given another product's matrix and locale", () => {
  const fixture = resolve(__dirname, '../fixtures/acme');
  const engine = createEngine(
    loadKnowledge({ matrix: join(fixture, 'matrix.json'), vocabulary: join(fixture, 'vocabulary.json'), language: join(fixture, 'language.json') }),
  );
  const keys = (q: string) => engine.ask(q).rules.map((r) => `${r.mode}|${r.source}|${r.destination}|${r.ports}`).sort();

  it('expands its rows and answers about its components', () => {
    expect(keys('what does the field probe need in cellular')).toEqual(['cellular|probe|hub|9443', 'cellular|probe|relay|9443']);
    expect(keys('sensor ports on the plant network')).toEqual(['wired|probe|hub|5683']);
  });

  it('finds a port inside its ranges and keeps its notes', () => {
    expect(keys('what uses 7005')).toEqual(['cellular|hub|relay|7000-7010', 'wired|hub|relay|7000-7010']);
    expect(engine.ask('from the probe to the hub in cellular').rules[0].note).toBe('Only when TLS offload is off.');
  });

  it('reads a deployment in its own locale words onto its own modes', () => {
    expect(engine.ask('what does the hub need when the probes are always on site?').modes).toEqual(['wired']);
    expect(engine.ask('what does the hub need when the probes are always out in the field?').modes).toEqual(['cellular']);
    // Acme has no mode for "sometimes each": it asks back rather than guess.
    expect(engine.ask('what does the hub need when the probes are sometimes on the road?').status).not.toBe('answered');
  });

  it('leaves out what is negated, and its conditions', () => {
    expect(keys('what does the hub need in cellular, except the relay')).toEqual(['cellular|probe|hub|9443']);
    expect(keys('hub rules in cellular, we do not use tls offload')).toEqual(['cellular|hub|relay|7000-7010', 'cellular|hub|relay|9443']);
  });

  it('diffs its modes and knows nothing of DLO', () => {
    expect(engine.ask('what changes from wired to cellular').rules.map((r) => r.change).sort()).toEqual(['added', 'added', 'added', 'removed']);
    expect(engine.ask('what ports does the DLO edge server need').status).toBe('unknown');
    expect(engine.catalog.examples.join(' ')).not.toMatch(/DLO|BOI/);
  });
});
