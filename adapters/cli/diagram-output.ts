import { writeFileSync } from 'node:fs';
import type { Answer, DiagramFormat, Engine } from '../../src';
import { diagramsFor } from '../diagrams';

/**
 * Writes the answer's diagram to `output`, or to standard output (a PNG only when that is not a
 * terminal). An answer without rules has no diagram: its text goes to standard error instead.
 */
export async function writeDiagram(engine: Engine, answer: Answer, format: DiagramFormat, output: string | undefined): Promise<number> {
  if (format === 'png' && output === undefined && process.stdout.isTTY) {
    process.stderr.write('A PNG is binary: give --output FILE (or redirect standard output).\n');
    return 2;
  }
  const diagrams = await diagramsFor(engine);
  const drawn = format === 'svg' ? diagrams.svg(answer) : await diagrams.png(answer);
  if (drawn === undefined) {
    process.stderr.write(`No diagram: the answer has no rules.\n${answer.text}\n`);
    return 0;
  }
  if (output === undefined) process.stdout.write(drawn);
  else writeFileSync(output, drawn);
  return 0;
}
