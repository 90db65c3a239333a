import type { KnownBlock, TableBlock } from '@slack/types';
import type { Answer, Rule } from '../../src';
import { exportAnswer, renderCsv } from '../../src';
import { escapeSlackText, renderSlackCsv, renderSlackExport, renderSlackHelp, renderSlackMessage, SLACK_ACTIONS, type SlackMessage } from '../../src/render/slack-blocks';
import { engine } from '../helpers/engine';

function answerOf(fields: Partial<Answer> = {}): Answer {
  return {
    question: 'what uses port 8009?',
    status: 'answered',
    intent: 'port',
    modes: ['non-boi'],
    rules: [],
    text: '0 rules.',
    summary: '0 rules.',
    understood: 'port 8009, non-BOI',
    matches: [],
    labels: { 'non-boi': 'non-BOI', 'exclusive-boi': 'exclusive BOI', a: 'Alpha', b: 'Beta' },
    ...fields,
  };
}

function rule(fields: Partial<Rule> = {}): Rule {
  return { mode: 'non-boi', service: 'Svc', ports: '8009', protocol: 'TCP', source: 'a', destination: 'b', ...fields };
}

const tableOf = (blocks: KnownBlock[]) => blocks.find((block): block is TableBlock => block.type === 'table');
const cellText = (cell: TableBlock['rows'][number][number]) =>
  cell.type === 'raw_text' ? cell.text : JSON.stringify(cell).match(/"text":"([^"]*)"/)?.[1];
const rowsOf = (blocks: KnownBlock[]) => (tableOf(blocks)?.rows ?? []).map((row) => row.map(cellText));
const buttonsOf = (blocks: KnownBlock[]) =>
  blocks.flatMap((block) => (block.type === 'actions' ? block.elements : [])).map((element) => element as { action_id: string; value: string; text: { text: string } });
const allText = (message: { text: string; blocks: KnownBlock[] }) => JSON.stringify(message);

/** The texts of the messages' preformatted blocks, joined in order. */
const preformattedText = (messages: SlackMessage[]) =>
  messages
    .flatMap((message) => message.blocks)
    .flatMap((block) => (block.type === 'rich_text' ? block.elements : []))
    .flatMap((element) => (element.type === 'rich_text_preformatted' ? element.elements : []))
    .map((element) => (element.type === 'text' ? element.text : ''))
    .join('');

/** Every `text` string anywhere in the blocks. */
const textsOf = (value: unknown): string[] => {
  if (Array.isArray(value)) return value.flatMap(textsOf);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, field]) => (key === 'text' && typeof field === 'string' ? [field] : textsOf(field)));
};

// Slack's limits: 50 blocks, 3,000 characters a block, and (undocumented; refused at 11,341 with
// rich_text blocks) about 12,000 characters of blocks a message: preformatted text stays at 10,000.
function expectWithinSlackLimits(messages: SlackMessage[]): void {
  for (const message of messages) {
    const texts = textsOf(message.blocks);
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(Math.max(...texts.map((text) => text.length))).toBeLessThanOrEqual(3000);
    expect(preformattedText([message]).length).toBeLessThanOrEqual(10_000);
    expect(texts.join('').length).toBeLessThanOrEqual(10_500);
  }
}

describe('renderSlackMessage', () => {
  describe('When the answer has rules in one mode', () => {
    const answer = answerOf({
      summary: '2 rules in non-BOI.',
      text: '2 rules in non-BOI.\nUnderstood as: port 8009, non-BOI.',
      rules: [rule(), rule({ source: 'b', destination: 'a', note: 'if named pipes are used' })],
    });
    const message = renderSlackMessage(answer);

    it('leads with the summary, then how the question was understood', () => {
      expect(message.blocks[0]).toMatchObject({ type: 'section', text: { type: 'mrkdwn', text: '*2 rules in non-BOI.*' } });
      expect(message.blocks[1]).toMatchObject({ type: 'context', elements: [{ type: 'mrkdwn', text: 'Understood as: port 8009, non-BOI' }] });
    });

    it('shows the rules as one table: a bold header row and one raw_text row per rule', () => {
      expect(message.blocks.filter((block) => block.type === 'table')).toHaveLength(1);
      expect(rowsOf(message.blocks)).toEqual([
        ['Service', 'Ports', 'Protocol', 'Source', 'Destination', 'Notes'],
        ['Svc', '8009', 'TCP', 'Alpha', 'Beta', '—'],
        ['Svc', '8009', 'TCP', 'Beta', 'Alpha', 'if named pipes are used'],
      ]);
      const [header, first] = tableOf(message.blocks)!.rows;
      expect(header.every((cell) => cell.type === 'rich_text')).toBe(true);
      expect(first.every((cell) => cell.type === 'raw_text' && cell.text.length > 0)).toBe(true);
    });

    it('always has a plain text fallback', () => {
      expect(message.text).toBe(answer.text);
    });

    it('has only the "Show diagram" button unless asked for a share button', () => {
      const diagram = expect.objectContaining({ action_id: SLACK_ACTIONS.diagram, value: answer.question, text: expect.objectContaining({ text: 'Show diagram' }) });
      expect(buttonsOf(message.blocks)).toEqual([diagram]);
      expect(buttonsOf(renderSlackMessage(answer, { share: true }).blocks)).toEqual([
        diagram,
        expect.objectContaining({ action_id: SLACK_ACTIONS.share, value: answer.question, text: expect.objectContaining({ text: 'Share in channel' }) }),
      ]);
    });
  });

  describe('When the answer covers several modes', () => {
    it('adds a Mode column instead of a second table', () => {
      const message = renderSlackMessage(answerOf({ modes: ['non-boi', 'exclusive-boi'], rules: [rule(), rule({ mode: 'exclusive-boi' })] }));
      expect(rowsOf(message.blocks).map((row) => row[0])).toEqual(['Mode', 'non-BOI', 'exclusive BOI']);
      expect(message.blocks.filter((block) => block.type === 'table')).toHaveLength(1);
    });
  });

  describe('When the answer is a diff between modes', () => {
    it('has a Change column saying added or removed', () => {
      const message = renderSlackMessage(answerOf({ intent: 'diff', rules: [rule({ change: 'added' }), rule({ service: 'Old', change: 'removed' })] }));
      expect(rowsOf(message.blocks).map((row) => row.slice(0, 2))).toEqual([
        ['Change', 'Service'],
        ['added', 'Svc'],
        ['removed', 'Old'],
      ]);
    });
  });

  describe('When the answer has more rows than one Slack table holds', () => {
    // 150 flows from 50 sources to 3 destinations: 150 rows, or 3 with the sources merged.
    const sources = Array.from({ length: 50 }, (_, i) => `src-${i}`);
    const merges = answerOf({ rules: ['d1', 'd2', 'd3'].flatMap((destination) => sources.map((source) => rule({ source, destination }))) });

    it('merges the sources of rules with the same service and destination into one cell', () => {
      const rows = rowsOf(renderSlackMessage(merges).blocks);
      expect(rows).toHaveLength(4);
      expect(rows[1][3]).toBe(sources.join(', '));
    });

    it('and when merged rows still do not fit, shows 99, says so and offers the CSV', () => {
      const services = answerOf({ rules: Array.from({ length: 150 }, (_, i) => rule({ service: `Service ${i}` })) });
      const message = renderSlackMessage(services);
      const table = tableOf(message.blocks)!;
      expect(table.rows).toHaveLength(100);
      expect(allText(message)).toContain('it shows 99 of 150 rows');
      expect(buttonsOf(message.blocks)).toContainEqual(expect.objectContaining({ action_id: SLACK_ACTIONS.csv, value: services.question }));
    });

    it('the real matrix, all of it, fits once merged', () => {
      const all = engine.ask('the entire port list');
      const rows = rowsOf(renderSlackMessage(all).blocks);
      expect(all.rules.length).toBeGreaterThan(99);
      expect(rows.length).toBeLessThanOrEqual(100);
      expect(rows[0]).toHaveLength(7);
    });
  });

  describe('When the question was not understood', () => {
    it.each(['clarify', 'unknown'] as const)('a %s answer shows its suggestions as buttons that ask them', (status) => {
      const suggestions = ['what uses port 90?', 'is port 90 needed in non-BOI?'];
      const message = renderSlackMessage(answerOf({ status, summary: 'Which component do you mean?', suggestions }));
      const buttons = buttonsOf(message.blocks);
      expect(buttons.map((button) => button.value)).toEqual(suggestions);
      expect(buttons.every((button) => SLACK_ACTIONS.ask.test(button.action_id))).toBe(true);
      expect(new Set(buttons.map((button) => button.action_id)).size).toBe(buttons.length);
      expect(tableOf(message.blocks)).toBeUndefined();
    });

    it('a suggestion too long for a button label is shortened there, but asked in full', () => {
      const long = `what ports does the ${'very '.repeat(30)}long name need?`;
      const [button] = buttonsOf(renderSlackMessage(answerOf({ status: 'clarify', suggestions: [long] })).blocks);
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(button.value).toBe(long);
    });
  });

  describe('When the answer explains modes', () => {
    it('shows each explanation with its title', () => {
      const message = renderSlackMessage(engine.ask('what is BOI?'));
      expect(message.blocks.filter((block) => block.type === 'section')).toHaveLength(2);
      expect(allText(message)).toContain('*Exclusive BOI Deployment*');
    });
  });

  describe('What a user typed', () => {
    const typed = '<!channel> <@U0VICTIM> <https://evil.example|click> & co';

    it('is escaped wherever it can appear, so it cannot mention anyone or link anywhere', () => {
      const answer = answerOf({
        question: typed,
        status: 'unknown',
        summary: `I don't know "${typed}"`,
        understood: `ignored: ${typed}`,
        text: `I don't know "${typed}"`,
        details: [{ title: typed, body: typed }],
      });
      const message = renderSlackMessage(answer, { share: true });
      const shown = JSON.stringify({ text: message.text, blocks: message.blocks.filter((block) => block.type !== 'actions') });
      expect(shown).not.toMatch(/<[!@#h]/);
      expect(shown).toContain('&lt;!channel&gt;');
      expect(shown).toContain('&amp; co');
    });

    it('is shown with verbatim text, so Slack does not link names or URLs in it either', () => {
      const message = renderSlackMessage(answerOf({ understood: 'see https://evil.example and @here' }));
      const texts = message.blocks.flatMap((block) =>
        block.type === 'section' ? [block.text] : block.type === 'context' ? block.elements : [],
      );
      expect(texts.every((text) => text && 'verbatim' in text && text.verbatim === true)).toBe(true);
    });

    it('a question longer than a button value gets no share button rather than a cut one', () => {
      const question = `what uses 8009 ${'x'.repeat(2100)}`;
      expect(buttonsOf(renderSlackMessage(answerOf({ question }), { share: true }).blocks)).toEqual([]);
    });

    it('only a Slack user id can appear as "Shared by"', () => {
      expect(allText(renderSlackMessage(answerOf(), { sharedBy: 'U0ADMIN' }))).toContain('Shared by <@U0ADMIN>');
      expect(allText(renderSlackMessage(answerOf(), { sharedBy: 'U1> <!channel' }))).not.toContain('Shared by');
    });
  });

  it('keeps within Slack limits: 50 blocks, 3,000 characters a section, 4,000 of fallback', () => {
    const huge = 'x'.repeat(10_000);
    const message = renderSlackMessage(answerOf({ summary: huge, text: huge, understood: huge, details: [{ title: huge, body: huge }] }));
    expect(message.blocks.length).toBeLessThanOrEqual(50);
    expect(message.text.length).toBeLessThanOrEqual(4000);
    for (const block of message.blocks) {
      if (block.type === 'section') expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    }
  });
});

describe('Clipping escaped text', () => {
  // 1,999 times "<>": 3,998 characters typed, 11,994 once escaped.
  const typed = '<>'.repeat(1999);

  it('the fallback text is clipped after escaping, so what Slack receives stays within 4,000', () => {
    const { text } = renderSlackMessage(answerOf({ text: typed }));
    expect(text.length).toBeLessThanOrEqual(4000);
    expect(text.endsWith('…')).toBe(true);
  });

  it('a cut never splits an entity (&lt; &gt; &amp;), in the fallback or in a section', () => {
    for (const shift of ['', 'a', 'ab', 'abc', 'abcd']) {
      const message = renderSlackMessage(answerOf({ text: shift + typed, summary: shift + '&'.repeat(1600) + typed }));
      for (const text of [message.text, ...textsOf(message.blocks)]) {
        // Every & starts a whole entity.
        expect(text.replace(/&(amp|lt|gt);/g, '')).not.toContain('&');
      }
      const section = message.blocks[0] as { text: { text: string } };
      expect(section.text.text.length).toBeLessThanOrEqual(3000);
    }
  });
});

describe("A table longer than Slack's 10,000 characters of cells", () => {
  // 60 rules, each about 330 characters of cells: under 100 rows, over 10,000 characters.
  const note = 'n'.repeat(300);
  const answer = answerOf({ rules: Array.from({ length: 60 }, (_, i) => rule({ service: `Service ${i}`, note })) });
  const message = renderSlackMessage(answer);
  const cells = (tableOf(message.blocks)?.rows ?? []).flat().map((cell) => cellText(cell) ?? '');

  it('shows whole rows up to the limit, says how many, and offers the CSV', () => {
    expect(cells.join('').length).toBeLessThanOrEqual(10_000);
    const shown = rowsOf(message.blocks).length - 1;
    expect(shown).toBeGreaterThan(20);
    expect(shown).toBeLessThan(60);
    expect(allText(message)).toContain(`it shows ${shown} of 60 rows`);
    expect(buttonsOf(message.blocks).map((button) => button.action_id)).toContain(SLACK_ACTIONS.csv);
  });

  it('merges sources first when that brings it within the limit', () => {
    const sources = Array.from({ length: 40 }, (_, i) => rule({ source: i % 2 ? 'a' : 'c', service: `Service ${Math.floor(i / 2)}`, note: 'n'.repeat(230) }));
    const merged = renderSlackMessage(answerOf({ rules: sources, labels: { ...answerOf().labels, c: 'Gamma' } }));
    expect(rowsOf(merged.blocks)).toHaveLength(21);
    expect(rowsOf(merged.blocks)[1]).toContain('Gamma, Alpha');
    expect(allText(merged)).not.toContain('Too long for one Slack table');
  });
});

describe('renderSlackHelp', () => {
  const message = renderSlackHelp(engine.catalog, '/dlo-ports');

  it('explains the slash command, mentions and DMs', () => {
    expect(allText(message)).toContain('/dlo-ports QUESTION');
    expect(allText(message)).toMatch(/Mention me/);
    expect(allText(message)).toMatch(/direct message/);
  });

  it('offers every example question as a button and in the fallback text', () => {
    expect(buttonsOf(message.blocks).map((button) => button.value)).toEqual(engine.catalog.examples);
    for (const example of engine.catalog.examples) expect(message.text).toContain(example);
  });
});

describe('renderSlackCsv', () => {
  it('puts one line per rule, plus a header, in preformatted blocks, in as many labelled messages as it takes', () => {
    const answer = engine.ask('the entire port list');
    const messages = renderSlackCsv(answer);
    expect(messages.length).toBeGreaterThan(1);
    expect(preformattedText(messages)).toBe(renderCsv(answer));
    expect(messages.map((message) => message.text)).toEqual(
      messages.map((_, i) => `${answer.rules.length} rules as CSV (part ${i + 1} of ${messages.length})`),
    );
    expectWithinSlackLimits(messages);
  });
});

describe('renderSlackExport', () => {
  describe('When the question asked for a format ("export the exclusive BOI rules as CSV")', () => {
    const answer = engine.ask('export the exclusive BOI rules as CSV');
    const file = exportAnswer(answer, engine.catalog);
    const [first, ...parts] = renderSlackExport(answer, file, { share: true });

    it('leads with the short answer: summary, how it was understood, the share button, and no table', () => {
      expect(first.blocks[0]).toMatchObject({ type: 'section', text: { text: `*${answer.summary}*` } });
      expect(allText(first)).toContain('Understood as: exclusive BOI, as csv');
      expect(allText(first)).toContain(`The rules follow as ${file.filename}.`);
      expect(tableOf(first.blocks)).toBeUndefined();
      expect(buttonsOf(first.blocks).map((button) => button.action_id)).toEqual([SLACK_ACTIONS.share]);
    });

    it('then the whole file in one message, named by its file name', () => {
      expect(parts).toHaveLength(1);
      expect(parts[0].text).toBe(file.filename);
      expect(parts[0].blocks[0]).toMatchObject({ type: 'section', text: { text: `*${file.filename}*` } });
      expect(preformattedText(parts)).toBe(file.content);
    });
  });

  describe('When the export is larger than one Slack message (the whole matrix as PowerShell)', () => {
    const answer = engine.ask('the entire port list as powershell');
    const file = exportAnswer(answer, engine.catalog);
    const [first, ...parts] = renderSlackExport(answer, file);

    it('comes in several messages labelled "part i of n", which join back into the file exactly', () => {
      expect(parts.length).toBeGreaterThan(2);
      expect(parts.map((part) => part.text)).toEqual(parts.map((_, i) => `${file.filename} (part ${i + 1} of ${parts.length})`));
      expect(preformattedText(parts)).toBe(file.content);
      expect(allText(first)).toContain(`in ${parts.length} parts`);
    });

    it('keeps each message within what Slack takes', () => {
      expectWithinSlackLimits(parts);
    });
  });

  it('cuts a line longer than a block rather than dropping it, and escapes nothing inside the code', () => {
    const content = `<!channel> & ${'x'.repeat(7000)}\nlast line\n`;
    const parts = renderSlackExport(answerOf(), { filename: 'a.txt', content }).slice(1);
    expect(preformattedText(parts)).toBe(content);
    expectWithinSlackLimits(parts);
  });
});

describe('escapeSlackText', () => {
  it('escapes exactly &, < and >', () => {
    expect(escapeSlackText('a & <b> "c" \'d\'')).toBe('a &amp; &lt;b&gt; "c" \'d\'');
  });
});
