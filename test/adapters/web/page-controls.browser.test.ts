import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type BrowserContextOptions, type Page } from 'playwright-core';
import { createEngine, exportAnswer, loadDefaultKnowledge } from '../../../src';
import type { RunningServer } from '../../../adapters/server';
import { haveChromium } from '../../helpers/chromium';
import { startPageInChromium } from '../../helpers/page-in-chromium';

const SHOTS = resolve(__dirname, '../../../test-results');
const engine = createEngine(loadDefaultKnowledge());

/** The page's conversation, its copy and download buttons, the browser's direction and address, dark mode, a small screen. */
(haveChromium ? describe : describe.skip)('The web page, as a new user meets it (Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startPageInChromium(engine));
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = '/', options: BrowserContextOptions = {}): Promise<void> {
    context = await browser.newContext({ viewport: { width: 1100, height: 900 }, acceptDownloads: true, ...options });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    // Nothing but this server: the page makes no outside request.
    await context.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => route.abort());
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}${path}`);
    await page.waitForSelector('body[data-ready="true"]');
  }
  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  async function ask(question: string): Promise<void> {
    await page.fill('#q', question);
    await page.press('#q', 'Enter');
    await page.waitForFunction((asked) => document.getElementById('asked')?.textContent === asked, question);
  }
  const visible = (selector: string) => page.isVisible(selector);

  it('shows when an answer took something from the previous question, and "New conversation" forgets it', async () => {
    await open();
    await ask('what ports does the Edge Server need in exclusive BOI?');
    expect(await visible('#took-from-previous')).toBe(false);
    await ask('and in occasional?');
    expect(await visible('#took-from-previous')).toBe(true);
    expect(await page.textContent('#understood')).toContain('(from your previous question)');

    await page.click('#new-conversation');
    expect(await visible('#answer')).toBe(false);
    expect(await page.inputValue('#q')).toBe('');
    expect(await page.textContent('#conversation-status')).toMatch(/New conversation/);
    await ask('and in occasional?');
    expect(await visible('#took-from-previous')).toBe(false);
    expect(await page.textContent('#understood')).not.toContain('(from your previous question)');
  });

  it('a ?q= link always opens a fresh conversation, even in a tab that had one', async () => {
    await open();
    await ask('what ports does the Edge Server need in exclusive BOI?');
    await page.goto(`${server.url}/?${new URLSearchParams({ q: 'and in occasional?' })}`);
    await page.waitForFunction(() => document.getElementById('asked')?.textContent === 'and in occasional?');
    expect(await visible('#took-from-previous')).toBe(false);
    expect(await page.textContent('#understood')).not.toContain('(from your previous question)');
    expect(await page.getAttribute('#answer', 'data-status')).toBe(engine.ask('and in occasional?').status);
  });

  it('every answer with rules can be copied and downloaded as Markdown, CSV and PowerShell, as npm run export writes them', async () => {
    await open();
    const question = 'what uses port 8009?';
    await ask(question);
    const answer = engine.ask(question);
    const file = (format: 'csv' | 'markdown' | 'powershell') => exportAnswer(answer, engine.catalog, { format });
    await page.click('text=Copy as CSV');
    await page.waitForFunction(() => document.getElementById('answer-export-status')?.textContent?.startsWith('Copied'));
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(file('csv').content);
    await page.click('text=Copy as Markdown');
    await page.waitForFunction(() => document.getElementById('answer-export-status')?.textContent === 'Copied the rules as Markdown.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(file('markdown').content);

    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a.download[data-format="powershell"]')]);
    expect(download.suggestedFilename()).toBe(file('powershell').filename);
    expect(readFileSync(await download.path(), 'utf8')).toBe(file('powershell').content);
    expect(await page.$$eval('a.download', (links) => links.map((link) => `${link.textContent} (${link.getAttribute('download')})`))).toEqual(
      ([['Markdown', 'markdown'], ['CSV', 'csv'], ['PowerShell', 'powershell']] as const).map(([label, format]) => `Download ${label} (${file(format).filename})`),
    );
    // An answer without rules offers nothing to copy.
    await ask('what port does Exchange use?');
    expect(await page.getAttribute('#answer', 'data-status')).toBe('unknown');
    expect(await visible('#answer-exports')).toBe(false);
  });

  it('filters the matrix by direction, and keeps the browser in the address: a reload shows the same slice', async () => {
    await open();
    expect(await page.isDisabled('#browse-direction')).toBe(true);
    await page.selectOption('#browse-mode', 'exclusive-boi');
    await page.selectOption('#browse-component', 'edge-server');
    await page.selectOption('#browse-direction', 'in');
    const inbound = engine.browse({ modes: ['exclusive-boi'], component: 'edge-server', direction: 'in' });
    expect(inbound.rules.length).toBeGreaterThan(0);
    expect(inbound.rules.every((rule) => rule.destination === 'edge-server')).toBe(true);
    const rowsShown = (count: number) => page.waitForFunction((n) => document.querySelectorAll('#browse-tables tbody tr').length === n, count);
    await rowsShown(inbound.rules.length);
    expect(new URL(page.url()).search).toBe('?mode=exclusive-boi&component=edge-server&direction=in');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await rowsShown(inbound.rules.length);
    expect([await page.inputValue('#browse-mode'), await page.inputValue('#browse-component'), await page.inputValue('#browse-direction')]).toEqual([
      'exclusive-boi',
      'edge-server',
      'in',
    ]);
    await page.click('#copy-csv');
    await page.waitForFunction(() => document.getElementById('copy-status')?.textContent?.startsWith('Copied'));
    expect((await page.evaluate(() => navigator.clipboard.readText())).trim().split('\n')).toHaveLength(inbound.rules.length + 1);
  });

  it.each(['light', 'dark'] as const)('follows the system colour scheme (%s)', async (colorScheme) => {
    await open('/', { colorScheme });
    await ask('what ports does the Edge Server need in occasional BOI?');
    const colours = await page.evaluate(() => ({
      page: getComputedStyle(document.body).backgroundColor,
      text: getComputedStyle(document.body).color,
      header: getComputedStyle(document.querySelector('#answer-tables th')!).backgroundColor,
    }));
    if (colorScheme === 'dark') expect(colours).toEqual({ page: 'rgb(13, 17, 23)', text: 'rgb(230, 237, 243)', header: 'rgb(22, 27, 34)' });
    else expect(colours).toEqual({ page: 'rgb(255, 255, 255)', text: 'rgb(27, 31, 36)', header: 'rgb(243, 245, 247)' });
    mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: join(SHOTS, `web-page-${colorScheme}.png`) });
  });

  it('at 360 px, the answer to a clicked example is scrolled into view', async () => {
    await open('/', { viewport: { width: 360, height: 700 } });
    const example = engine.catalog.examples[5];
    await page.click(`#examples button:text-is("${example}")`);
    await page.waitForFunction((asked) => document.getElementById('asked')?.textContent === asked, example);
    const top = await page.evaluate(() => document.getElementById('answer')!.getBoundingClientRect().top);
    // At the top of the window (to the pixel: the browser scrolls by fractions).
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(700 / 2);
    await page.screenshot({ path: join(SHOTS, 'web-page-360.png') });
  });

  it("shows the mode's definition from the document beside an answer for a mode", async () => {
    await open();
    await ask('all firewall rules for occasional BOI');
    const occasional = engine.catalog.modes.find((mode) => mode.id === 'occasional-boi')!;
    expect(await visible('#mode-definitions')).toBe(true);
    expect(await page.textContent('#mode-definitions dt')).toBe(occasional.name);
    expect(await page.textContent('#mode-definitions dd')).toBe(occasional.definition);
    // An answer over every mode defines none.
    await ask('what uses port 8009?');
    expect(await visible('#mode-definitions')).toBe(false);
  });
});
