import { createInterface } from 'node:readline';
// From the modules themselves, not src/index.ts: a start-up loads only what answering needs.
import type { Answer } from '../../src/answer';
import type { ConversationContext, Engine } from '../../src/engine';
import { KnowledgeError } from '../../src/knowledge/knowledge-error';
import { answerJson } from '../../src/render/answer-json';
import { renderCsv } from '../../src/render/csv';
import { DIAGRAM_FORMATS, type DiagramFormat } from '../../src/render/diagram/diagram-format';
import { renderMarkdown } from '../../src/render/markdown';
import { MAX_QUESTION_LENGTH } from '../../src/reading/tokenize';
import { runPrompt } from './prompt';

const FORMATS = ['text', 'json', 'markdown', 'csv', ...DIAGRAM_FORMATS] as const;
type Format = (typeof FORMATS)[number];
const isDiagram = (format: Format): format is DiagramFormat => (DIAGRAM_FORMATS as readonly string[]).includes(format);

const USAGE = `Usage:
  npm run --silent ask -- "QUESTION"              the answer as text
  npm run --silent ask -- --json "QUESTION"       one answer object (JSON) on one line
  npm run --silent ask -- --json --batch          one question a line on stdin, one answer a line out
  npm run --silent ask -- --format markdown|csv|json|text "QUESTION"
  npm run --silent ask -- --format svg [--output FILE] "QUESTION"   the answer's flow diagram (SVG)
  npm run --silent ask -- --format png --output FILE "QUESTION"     the same as a PNG
  npm run --silent ask -- --explain "QUESTION"    the answer, then how each step of the reading decided
  npm run --silent ask                            an interactive prompt`;

interface Options {
  format: Format;
  /** Chosen with --json or --format: it wins over a format the question asks for. */
  formatGiven: boolean;
  batch: boolean;
  /** Print (or, as JSON, include) each refiner's decision. */
  explain: boolean;
  /** Where a diagram (--format svg|png) is written; standard output when unset. */
  output?: string;
  /** Undefined: no question was given (the prompt); "" is a question, answered as one (clarify). */
  question?: string;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { format: 'text', formatGiven: false, batch: false, explain: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') (options.format = 'json'), (options.formatGiven = true);
    else if (arg === '--batch') options.batch = true;
    else if (arg === '--explain') options.explain = true;
    else if (arg === '--output') {
      options.output = args[++i];
      if (!options.output) return `--output needs a file name\n${USAGE}`;
    }
    else if (arg === '--format') {
      const format = args[++i] as Format;
      if (!FORMATS.includes(format)) return `unknown format "${args[i] ?? ''}"\n${USAGE}`;
      options.format = format;
      options.formatGiven = true;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg === '--') continue;
    else words.push(arg);
  }
  if (words.length) options.question = words.join(' ');
  // A diagram is one file: of one question.
  if (isDiagram(options.format) && (options.batch || options.question === undefined)) return `--format ${options.format} draws the answer to one question\n${USAGE}`;
  if (options.output !== undefined && !isDiagram(options.format)) return `--output is for --format svg or png\n${USAGE}`;
  return options;
}

function render(answer: Answer, format: Format): string {
  if (answer.trace && format === 'text') return `${answer.text}\n\nHow it was read:\n${answer.trace.map((t) => `  ${t.refiner}: ${t.decision}${t.words.length ? ` [${t.words.join(' | ')}]` : ''}`).join('\n')}`;
  switch (format) {
    case 'json':
      return answerJson(answer);
    case 'markdown':
      return renderMarkdown(answer);
    case 'csv':
      return renderCsv(answer).trimEnd();
    default:
      return answer.text;
  }
}

/**
 * What one question prints: a question that asks for a format ("export the exclusive BOI rules as
 * CSV") prints that export, exactly as `npm run export` writes it for the same rules, unless
 * --json or --format chose the output; anything else prints in the chosen format.
 */
function output(answer: Answer, options: Options, engine: Engine): string {
  if (!options.formatGiven && !answer.trace && answer.format && answer.status === 'answered') {
    // Required only here: the exports load the inventory's schema (zod), which other answers spare.
    const { exportAnswer } = require('../../src/export/export-answer') as typeof import('../../src/export/export-answer');
    return exportAnswer(answer, engine.catalog).content;
  }
  return `${render(answer, options.format)}\n`;
}

// What a batch remembers of the lines it answered, in characters of line and output together:
// enough for thousands of short questions, bounded whatever the lines and answers weigh.
const REMEMBERED_CHARS = 8_000_000;

/**
 * A batch line's output, made once per distinct line: with no context between lines, the same
 * line always prints the same answer (a script's list of hosts or changes asks the same few
 * questions again and again). Lines too long to be a question are not remembered; the oldest
 * line is forgotten first.
 */
function repeatedLines(answer: (line: string) => string): (line: string) => string {
  const seen = new Map<string, string>();
  let remembered = 0;
  return (line) => {
    let printed = seen.get(line);
    if (printed !== undefined) return printed;
    printed = answer(line);
    if (line.length > MAX_QUESTION_LENGTH) return printed;
    seen.set(line, printed);
    remembered += line.length + printed.length;
    for (const [oldest, output] of seen) {
      if (remembered <= REMEMBERED_CHARS) break;
      seen.delete(oldest);
      remembered -= oldest.length + output.length;
    }
    return printed;
  };
}

async function eachLine(onLine: (line: string) => void): Promise<void> {
  const lines = createInterface({ input: process.stdin, terminal: false });
  for await (const line of lines) onLine(line);
  lines.close();
}

/** The command line: one question, a batch from stdin, or a prompt. Returns the exit status. */
export async function runCli(args: string[], engineFactory: () => Engine): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stdout.write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  let engine: Engine;
  try {
    engine = engineFactory();
  } catch (error) {
    if (error instanceof KnowledgeError) {
      process.stderr.write(`Invalid knowledge file: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const out = (text: string) => process.stdout.write(`${text}\n`);
  if (isDiagram(options.format)) {
    // Loaded only to draw: Graphviz and resvg would cost every other start.
    const { writeDiagram } = await import('./diagram-output');
    return writeDiagram(engine, engine.ask(options.question ?? ''), options.format, options.output);
  }
  if (options.batch) {
    // Each line on its own: no context carries from one question to the next. Output goes out
    // in large chunks: one write per answer would make a big batch wait on the pipe.
    let chunk = '';
    const answered = repeatedLines((line) => render(engine.ask(line), options.format) + '\n');
    await eachLine((line) => {
      if (!line.trim()) return;
      chunk += answered(line);
      if (chunk.length > 1 << 16) process.stdout.write(chunk), (chunk = '');
    });
    process.stdout.write(chunk);
  } else if (options.question !== undefined) {
    process.stdout.write(output(engine.ask(options.question, { explain: options.explain }), options, engine));
  } else {
    out(`Ask which ports ${engine.catalog.product} needs ("quit" to leave, "clear" to clear the screen). For example:\n${engine.catalog.examples.map((e) => `  - ${e}`).join('\n')}`);
    // The prompt is one conversation: "and in occasional?" follows the question before it.
    let context: ConversationContext | undefined;
    await runPrompt('dlo> ', (line) => {
      const result = engine.converse(line, context);
      context = result.context;
      return output(result.answer, options, engine);
    });
  }
  return 0;
}
