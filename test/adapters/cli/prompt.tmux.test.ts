import { execFileSync, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(__dirname, '../../..');
const haveTmux = spawnSync('tmux', ['-V']).status === 0;
// In CI a missing tmux is a broken machine (.ci/run installs it), not a reason to skip.
if (!haveTmux && process.env.CI) {
  it('needs tmux in CI', () => {
    throw new Error('tmux is missing: .ci/run must install it');
  });
}

// Wide enough for the table before its Notes column (about 105), too narrow for the longest note.
const WIDTH = 130;

/** The interactive prompt (`npm run ask` with no question) in a real terminal: a tmux pane of WIDTH columns on a server of its own. */
function startPrompt() {
  const server = `dlo-prompt-${process.pid}-${Math.random().toString(36).slice(2)}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', server, '-f', '/dev/null', ...args], { encoding: 'utf8' });
  const command = `cd '${root}' && node adapters/cli/launch.js ask; printf 'EXITED %s\\n' $?; sleep 120`;
  tmux('new-session', '-d', '-x', String(WIDTH), '-y', '50', '-s', 'cli', command);
  /** The pane's text; `joined`: lines the terminal wrapped are joined back, so only the program's own line breaks remain. */
  const screen = (joined = false) => tmux('capture-pane', '-p', ...(joined ? ['-J'] : []), '-t', 'cli');
  const until = async (test: (text: string) => boolean, ms = 15_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const text = screen();
      if (test(text)) return text;
      if (Date.now() > deadline) throw new Error(`timed out; the screen:\n${text}`);
      await new Promise((done) => setTimeout(done, 50));
    }
  };
  return {
    type: (text: string) => tmux('send-keys', '-t', 'cli', '-l', text),
    key: (...keys: string[]) => tmux('send-keys', '-t', 'cli', ...keys),
    screen,
    until,
    /** Waits for the prompt to be ready for a line: the last non-empty row is just "dlo>". */
    ready: () => until((text) => text.trimEnd().split('\n').pop() === 'dlo>'),
    close: () => spawnSync('tmux', ['-L', server, 'kill-server']),
  };
}

(haveTmux ? describe : describe.skip)('The interactive prompt, in a terminal (tmux)', () => {
  let prompt: ReturnType<typeof startPrompt>;
  beforeEach(async () => {
    prompt = startPrompt();
    await prompt.ready();
  }, 30_000);
  afterEach(() => prompt.close());

  it('Ctrl-C with a half-typed line clears the line, as a shell does, and the prompt goes on', async () => {
    prompt.type('what uses port 44');
    await prompt.until((text) => text.includes('dlo> what uses port 44'));
    prompt.key('C-c');
    await prompt.until((text) => text.includes('dlo> what uses port 44^C\ndlo>'));
    prompt.type('what uses port 8009?');
    prompt.key('Enter');
    // Had the half-typed words stayed, the question would be "what uses port 44what uses port 8009?".
    const text = await prompt.until((screen) => screen.includes('Understood as:'));
    expect(text).toContain('Understood as: port 8009, all modes.');
    expect(text).not.toContain('EXITED');
  });

  it('Ctrl-C on an empty line leaves, with a newline: what follows starts on a line of its own', async () => {
    prompt.key('C-c');
    const text = await prompt.until((screen) => screen.includes('EXITED'));
    expect(text).toMatch(/^dlo> ?\nEXITED 0$/m);
  });

  it('Ctrl-D leaves, with a newline', async () => {
    prompt.key('C-d');
    const text = await prompt.until((screen) => screen.includes('EXITED'));
    expect(text).toMatch(/^dlo> ?\nEXITED 0$/m);
  });

  it('"clear" clears the screen', async () => {
    prompt.type('what uses port 8009?');
    prompt.key('Enter');
    await prompt.until((text) => text.includes('Understood as:'));
    prompt.type('clear');
    prompt.key('Enter');
    const text = await prompt.until((screen) => !screen.includes('Understood as:'));
    expect(text.trim()).toBe('dlo>');
  });

  it('long notes wrap to the terminal width, continuing under their column', async () => {
    prompt.type('what does the SQL Server need in non-BOI?');
    prompt.key('Enter');
    await prompt.until((text) => text.includes('Understood as:') && text.trimEnd().endsWith('dlo>'));
    const lines = prompt.screen(true).split('\n');
    expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(WIDTH);
    const header = lines.find((line) => /Service\s+Ports/.test(line)) ?? '';
    const notesColumn = header.indexOf('Notes');
    expect(notesColumn).toBeGreaterThan(0);
    // "If default named pipes are used for SQL Server communication." goes on under the Notes column.
    const first = lines.findIndex((line) => line.includes('If default named'));
    expect(first).toBeGreaterThan(0);
    expect(lines[first].indexOf('If default')).toBe(notesColumn);
    expect(lines[first + 1].slice(0, notesColumn).trim()).toBe('');
    expect(lines[first + 1].slice(notesColumn)).toMatch(/^\S/);
  });

  it('a question that asks for a format prints that format', async () => {
    prompt.type('export the exclusive BOI rules as CSV');
    prompt.key('Enter');
    const text = await prompt.until((screen) => screen.trimEnd().endsWith('dlo>') && screen.includes('exclusive-boi,'));
    expect(text).not.toContain('Understood as:');
  });
});
