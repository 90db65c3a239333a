import { chromium, type Browser } from 'playwright-core';
import { createEngine, loadDefaultKnowledge, renderAdaptiveCards, renderWelcomeCard, type AdaptiveCard } from '../../../src';
import { ADAPTIVECARDS_BUNDLE, adaptiveCardProblems } from '../../helpers/adaptive-cards';
import { cardsOf, localTeamsPerDescribe, messageActivity, postActivity, tableRowsOf } from './support';
import { CHROMIUM, CHROMIUM_ARGS, haveChromium } from '../../helpers/chromium';

const engine = createEngine(loadDefaultKnowledge());

/** Questions that reach every kind of card: each intent, asking back, unknown, the largest answers. */
const EVERY_KIND = [
  ...engine.catalog.examples,
  'the entire port list',
  'what does the DLO Administration Server need?',
  'what changes from non-BOI to exclusive BOI?',
  'what changes if we move to exclusive BOI?',
  'what is BOI?',
  'help',
  'which ports?',
  'what uses the storage?',
  'Exchange ports for the SQL server',
  'what port does Exchange use?',
  'is 8009 needed in non-BOI?',
  'x'.repeat(4001),
];

describe('Every card the bot can send, read by the official adaptivecards package', () => {
  it.each(EVERY_KIND.map((question) => [question.slice(0, 60), question]))('%s', (_label, question) => {
    const cards = renderAdaptiveCards(engine.ask(question));
    for (const card of cards) expect(adaptiveCardProblems(card)).toEqual([]);
  });

  it('the welcome, with at most the 5 top-level actions the default host config allows', () => {
    const welcome = renderWelcomeCard(engine.catalog);
    expect(engine.catalog.examples.length).toBeGreaterThan(5);
    expect(welcome.actions).toHaveLength(5);
    expect(adaptiveCardProblems(welcome)).toEqual([]);
  });

  it('and the package does catch what Teams would refuse (6 actions, an unknown element)', () => {
    const welcome = renderWelcomeCard(engine.catalog);
    const six = { ...welcome, actions: [...welcome.actions!, welcome.actions![0]] };
    expect(adaptiveCardProblems(six)).toEqual(['validate: Maximum number of actions exceeded (5).', '6 top-level actions']);
    expect(adaptiveCardProblems({ ...welcome, body: [{ type: 'Bogus' }] })[0]).toMatch(/Unknown element type "Bogus"/);
  });
});

describe('Answers in Teams, as its users read them', () => {
  const running = localTeamsPerDescribe();

  async function ask(text: string) {
    const { connector, teams } = running;
    await postActivity(teams.server.url, messageActivity(connector.url, { text }));
    return connector.calls;
  }

  it('writes ", " between ports, so that a narrow cell wraps between numbers, never inside one', async () => {
    const [call] = await ask('what uses port 1037?');
    const ports = tableRowsOf(cardsOf(call)[0]).map((cells) => cells[1]);
    expect(ports.length).toBeGreaterThan(0);
    expect(ports).toContain('135, 441, 1037, 1125');
    for (const cell of ports) expect(cell).not.toMatch(/\d,\d/);
  });

  it('the notification and preview say the answer', async () => {
    const [call] = await ask('what ports does the Edge Server need in occasional BOI?');
    expect(call.body.summary).toBe('12 rules in occasional BOI.');
  });

  it('a long suggestion is shortened on its button with an ellipsis, and asked in full', async () => {
    const [call] = await ask('which ports?');
    const actions = cardsOf(call)[0].actions ?? [];
    const long = actions.find((action) => action.data.question === 'ports between the SQL Server and the DLO Administration Console');
    expect(long?.title).toBe('ports between the SQL Server and the DLO…');
    for (const action of actions) {
      expect(action.title.length).toBeLessThanOrEqual(50);
      if (action.title !== action.data.question) expect(action.title).toMatch(/…$/);
    }
  });
});


/** Words of the table cells that the official renderer, in Chromium, draws across two lines. */
async function brokenWords(browser: Browser, card: AdaptiveCard, width: number): Promise<string[]> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  try {
    await page.route(/^(?!about:|data:)/, (route) => route.abort());
    await page.setContent(`<!doctype html><html><body style="margin:0;font-family:'Segoe UI',sans-serif;font-size:14px"><div id="card"></div></body></html>`);
    await page.addScriptTag({ path: ADAPTIVECARDS_BUNDLE });
    return await page.evaluate((json) => {
      const AC = (window as unknown as { AdaptiveCards: typeof import('adaptivecards') }).AdaptiveCards;
      const card = new AC.AdaptiveCard();
      card.parse(json);
      document.getElementById('card')!.appendChild(card.render()!);
      const broken: string[] = [];
      // Table cells only: a word drawn in more than one line box was broken inside.
      const cells = document.querySelectorAll('[role="table"] .ac-textBlock');
      for (const cell of Array.from(cells)) {
        const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const text = node.textContent ?? '';
          for (const match of text.matchAll(/\S+/g)) {
            const range = document.createRange();
            range.setStart(node, match.index);
            range.setEnd(node, match.index + match[0].length);
            const tops = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
            if (tops.size > 1) broken.push(match[0]);
          }
        }
      }
      if (cells.length === 0) broken.push('(no table rendered)');
      return broken;
    }, card as unknown as Record<string, unknown>);
  } finally {
    await page.close();
  }
}

(haveChromium ? describe : describe.skip)('Cards drawn by the official renderer in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
  });

  it.each([900, 1440])('at %i px, component names and ports break between words, never inside one', async (width) => {
    for (const question of ['what does the DLO Administration Server need?', 'what uses port 1037?']) {
      const [card] = renderAdaptiveCards(engine.ask(question));
      expect(await brokenWords(browser, card, width)).toEqual([]);
    }
  });
});
