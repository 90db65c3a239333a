import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createEngine, loadDefaultKnowledge, renderCsv, type Answer } from '../../../src';
import type { RunningServer } from '../../../adapters/server';
import { CHROMIUM, haveChromium } from '../../helpers/chromium';
import { startPageInChromium } from '../../helpers/page-in-chromium';

const SCREENSHOT = resolve(__dirname, '../../../test-results/web-page.png');

// In CI a missing browser is a broken machine, not a reason to skip.
const inCi = Boolean(process.env.CI);

if (!haveChromium && !inCi) {
  console.warn(`Skipping the browser tests: ${CHROMIUM} is missing (apt-get install -y chromium).`);
}

if (!haveChromium && inCi) {
  it('needs Chromium in CI', () => {
    throw new Error(`${CHROMIUM} is missing: .ci/run must install Debian's chromium package.`);
  });
}

const engine = createEngine(loadDefaultKnowledge());

/** The rows an answer should show, as "ports source → destination" per mode, from the engine itself (ports as people read them: "135-139, 445"). */
function expectedRows(answer: Answer): string[] {
  return answer.rules.map((rule) => `${rule.mode}|${rule.ports.split(',').join(', ')}|${answer.labels[rule.source]}|${answer.labels[rule.destination]}`).sort();
}

/** The rows a table container shows, in the same form. */
async function shownRows(page: Page, container: string): Promise<string[]> {
  const rows = await page.$$eval(`${container} table tbody tr`, (trs) =>
    trs.map((tr) => {
      const mode = tr.closest('table')?.dataset.mode ?? '';
      const cells = Array.from(tr.querySelectorAll('td')).map((td) => td.textContent ?? '');
      return `${mode}|${cells[1]}|${cells[3]}|${cells[4]}`;
    }),
  );
  return rows.sort();
}

(haveChromium ? describe : describe.skip)('The web page, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const dialogs: string[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startPageInChromium(engine));
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  });

  afterEach(async () => {
    await context.close();
    expect(pageErrors).toEqual([]);
  });

  /** Asks through the question box, and waits until that question's answer is shown. */
  async function ask(question: string): Promise<void> {
    await page.fill('#q', question);
    await page.press('#q', 'Enter');
    await waitForAnswerTo(question);
  }

  async function waitForAnswerTo(question: string): Promise<void> {
    await page.waitForFunction((asked) => document.getElementById('asked')?.textContent === asked, question);
  }

  it('answers a typed question with the right rules in the table', async () => {
    const question = 'what uses port 8009?';
    await ask(question);
    const answer = engine.ask(question);
    expect(answer.rules.length).toBeGreaterThan(0);
    expect(await shownRows(page, '#answer-tables')).toEqual(expectedRows(answer));
    const ports = await page.$$eval('#answer-tables td:nth-child(2)', (cells) => cells.map((cell) => cell.textContent));
    expect(ports.every((port) => port?.split(',').includes('8009'))).toBe(true);
    expect(await page.textContent('#understood')).toContain(answer.understood);
    // One table per mode, captioned with the mode's name.
    const captions = await page.$$eval('#answer-tables caption', (nodes) => nodes.map((node) => node.textContent));
    expect(captions).toHaveLength(new Set(answer.rules.map((rule) => rule.mode)).size);
  });

  it('follows up within the tab: "and in occasional?" keeps the component', async () => {
    await ask('what ports does the Edge Server need in exclusive BOI?');
    await ask('and in occasional?');
    // The line says what the fragment took from the question before.
    expect(await page.textContent('#understood')).toContain('DLO Edge Server (from your previous question), occasional BOI, both directions');
    expect(await shownRows(page, '#answer-tables')).toEqual(expectedRows(engine.ask('what ports does the Edge Server need in occasional BOI?')));
  });

  it('asks an example question when it is clicked', async () => {
    const example = engine.catalog.examples[0];
    await page.getByRole('button', { name: example, exact: true }).first().click();
    await waitForAnswerTo(example);
    expect(await page.inputValue('#q')).toBe(example);
    expect(await shownRows(page, '#answer-tables')).toEqual(expectedRows(engine.ask(example)));
  });

  it('offers suggestions for an incomplete question, and asks one when clicked', async () => {
    const question = 'which ports?';
    const answer = engine.ask(question);
    expect(answer.status).toBe('clarify');
    await ask(question);
    const chips = await page.$$eval('#suggestions button', (buttons) => buttons.map((button) => button.textContent ?? ''));
    expect(chips).toEqual(answer.suggestions);
    await page.click('#suggestions button >> nth=0');
    const suggestion = chips[0];
    await waitForAnswerTo(suggestion);
    expect(await page.inputValue('#q')).toBe(suggestion);
    const followUp = engine.ask(suggestion);
    expect(await page.getAttribute('#answer', 'data-status')).toBe(followUp.status);
    expect(await shownRows(page, '#answer-tables')).toEqual(expectedRows(followUp));
  });

  it('browses the matrix by mode and component, and copies the table as CSV', async () => {
    await page.selectOption('#browse-mode', 'exclusive-boi');
    await page.selectOption('#browse-component', 'edge-server');
    await page.click('#browse-form button[type="submit"]');
    const slice = engine.browse({ modes: ['exclusive-boi'], component: 'edge-server' });
    await page.waitForFunction((count) => document.querySelectorAll('#browse-tables tbody tr').length === count, slice.rules.length);
    expect(await shownRows(page, '#browse-tables')).toEqual(expectedRows(slice));
    const edgeOnEveryRow = await page.$$eval('#browse-tables tbody tr', (rows) =>
      rows.every((row) => [3, 4].some((index) => row.children[index].textContent?.includes('Edge Server'))),
    );
    expect(edgeOnEveryRow).toBe(true);

    await page.click('#copy-csv');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent?.startsWith('Copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(renderCsv(slice));
  });

  it('shows injected markup as text', async () => {
    const question = '<img src=x onerror=alert(1)>';
    await ask(question);
    expect(await page.textContent('#asked')).toBe(question);
    expect(await page.$$('#answer img, #answer script')).toHaveLength(0);
    // Give a would-be onerror handler time to fire.
    await page.waitForTimeout(200);
    expect(dialogs).toEqual([]);
  });

  it('works with the keyboard alone', async () => {
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter'); // the skip link puts focus in the question box
    await page.keyboard.type('what uses port 443?');
    await page.keyboard.press('Enter');
    await waitForAnswerTo('what uses port 443?');
    await page.keyboard.press('Tab'); // the Ask button
    await page.keyboard.press('Tab'); // New conversation
    await page.keyboard.press('Tab'); // the first example
    const focused = await page.evaluate(() => document.activeElement?.textContent);
    expect(focused).toBe(engine.catalog.examples[0]);
    await page.keyboard.press('Enter');
    await waitForAnswerTo(engine.catalog.examples[0]);
  });

  it('stays within a narrow window, rows shown as cards', async () => {
    await page.setViewportSize({ width: 360, height: 800 });
    await ask('what ports does the Edge Server need in occasional BOI?');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    mkdirSync(join(SCREENSHOT, '..'), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
  });
});
