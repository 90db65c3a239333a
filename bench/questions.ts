import type { Engine } from '../src';

/**
 * A deterministic mix of questions built from the catalog's names: components, modes, ports,
 * typos and filler, so the bench measures the engine on varied language, not one sentence.
 */
export function benchQuestions(engine: Engine, count: number): string[] {
  const { components, modes } = engine.catalog;
  const ports = ['137', '443', '8009', '1434', '3999', '22', '7000-7010'];
  const shapes = [
    (c: string, m: string) => `what ports does the ${c} need in ${m}?`,
    (c: string, m: string) => `inbound rules for the ${c} in ${m}`,
    (c: string, m: string, p: string) => `is ${p} needed on the ${c} in ${m}?`,
    (c: string, _m: string, p: string) => `what uses port ${p}`,
    (_c: string, m: string) => `all firewall rules for ${m}`,
    (c: string, m: string) => `hey bot, ${c.toLowerCase().replace(/e/, '')} ports ${m} please`,
    (c: string, m: string) => `what changes from ${m} to ${modes[0].name} for the ${c}`,
    (c: string) => `between the ${c} and the ${components[0].name}`,
    () => "what's the weather in Paris?",
    (c: string, m: string) => `<@U123> can I close 1434 for the ${c} when ${m}`,
  ];
  const questions: string[] = [];
  for (let i = 0; questions.length < count; i++) {
    const shape = shapes[i % shapes.length];
    questions.push(shape(components[i % components.length].name, modes[(i >> 1) % modes.length].name, ports[i % ports.length]));
  }
  return questions;
}
