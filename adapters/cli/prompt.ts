import { clearScreenDown, createInterface, cursorTo } from 'node:readline';
import { wrapLines } from './wrap-lines';

const QUIT = /^\s*(quit|exit)\s*$/i;
const CLEAR = /^\s*clear\s*$/i;

/**
 * The interactive prompt, as a shell behaves: Ctrl-C with a half-typed line clears the line,
 * Ctrl-C on an empty line, Ctrl-D, "quit" or "exit" leave (on a line of their own), "clear"
 * clears the screen. In a terminal, answers wrap to its width. Resolves when the prompt is left.
 */
export function runPrompt(prompt: string, answer: (line: string) => string): Promise<void> {
  const { stdin, stdout } = process;
  const terminal = Boolean(stdin.isTTY && stdout.isTTY);
  const lines = createInterface({ input: stdin, output: stdout, terminal, prompt });
  let leftByWord = false;
  const show = (text: string) => stdout.write(terminal ? wrapLines(text, stdout.columns) : text);

  lines.on('line', (line) => {
    if (QUIT.test(line)) {
      leftByWord = true;
      lines.close();
      return;
    }
    if (CLEAR.test(line)) {
      cursorTo(stdout, 0, 0);
      clearScreenDown(stdout);
    } else if (line.trim()) show(`${answer(line)}\n`);
    lines.prompt();
  });
  lines.on('SIGINT', () => {
    if (!lines.line) {
      lines.close();
      return;
    }
    // Shown as a shell shows it, then the line is emptied (end, then delete to the start) on a fresh prompt.
    stdout.write('^C\n');
    lines.write(null, { ctrl: true, name: 'e' });
    lines.write(null, { ctrl: true, name: 'u' });
  });
  lines.prompt();
  return new Promise((resolve) => {
    lines.on('close', () => {
      // Ctrl-D and Ctrl-C leave the cursor after the prompt: the shell's prompt starts on a line of its own.
      if (terminal && !leftByWord) stdout.write('\n');
      resolve();
    });
  });
}
