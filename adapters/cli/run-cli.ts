import { createInterface } from 'node:readline';
// From the modules themselves, not src/index.ts: a start-up loads only what answering needs.
import type { Answer } from '../../src/answer';
import type { ConversationContext, Engine } from '../../src/engine';
import { KnowledgeError } from '../../src/knowledge/knowledge-error';
import { answerJson } from '../../src/render/answer-json';
import { renderCsv } from '../../src/render/csv';
import { renderMarkdown } from '../../src/render/markdown';

const FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
type Format = (typeof FORMATS)[number];

const USAGE = `Usage:
  npm run --silent ask -- "QUESTION"              the answer as text
  npm run --silent ask -- --json "QUESTION"       one answer object (JSON) on one line
  npm run --silent ask -- --json --batch          one question a line on stdin, one answer a line out
  npm run --silent ask -- --format markdown|csv|json|text "QUESTION"
  npm run --silent ask -- --explain "QUESTION"    the answer, then how each step of the reading decided
  npm run --silent ask                            an interactive prompt`;

interface Options {
  format: Format;
  batch: boolean;
  /** Print (or, as JSON, include) each refiner's decision. */
  explain: boolean;
  /** Undefined: no question was given (the prompt); "" is a question, answered as one (clarify). */
  question?: string;
}

function parseArgs(args: string[]): Options | string {
  const options: Options = { format: 'text', batch: false, explain: false };
  const words: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--json') options.format = 'json';
    else if (arg === '--batch') options.batch = true;
    else if (arg === '--explain') options.explain = true;
    else if (arg === '--format') {
      const format = args[++i] as Format;
      if (!FORMATS.includes(format)) return `unknown format "${args[i] ?? ''}"\n${USAGE}`;
      options.format = format;
    } else if (arg === '--help' || arg === '-h') return USAGE;
    else if (arg === '--') continue;
    else words.push(arg);
  }
  if (words.length) options.question = words.join(' ');
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

async function eachLine(onLine: (line: string) => void, prompt?: string): Promise<void> {
  const lines = createInterface({ input: process.stdin, output: prompt ? process.stdout : undefined, terminal: Boolean(prompt) });
  if (prompt) lines.setPrompt(prompt), lines.prompt();
  for await (const line of lines) {
    if (prompt && /^\s*(quit|exit)\s*$/i.test(line)) break;
    onLine(line);
    if (prompt) lines.prompt();
  }
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
  if (options.batch) {
    // Each line on its own: no context carries from one question to the next. Output goes out
    // in large chunks: one write per answer would make a big batch wait on the pipe.
    let chunk = '';
    await eachLine((line) => {
      if (!line.trim()) return;
      chunk += render(engine.ask(line), options.format) + '\n';
      if (chunk.length > 1 << 16) process.stdout.write(chunk), (chunk = '');
    });
    process.stdout.write(chunk);
  } else if (options.question !== undefined) {
    out(render(engine.ask(options.question, { explain: options.explain }), options.format));
  } else {
    out(`Ask which ports ${engine.catalog.product} needs ("quit" to leave). For example:\n${engine.catalog.examples.map((e) => `  - ${e}`).join('\n')}`);
    // The prompt is one conversation: "and in occasional?" follows the question before it.
    let context: ConversationContext | undefined;
    await eachLine((line) => {
      if (!line.trim()) return;
      const result = engine.converse(line, context);
      context = result.context;
      out(`${render(result.answer, options.format)}\n`);
    }, 'dlo> ');
  }
  return 0;
}
