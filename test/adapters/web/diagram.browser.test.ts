import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { createEngine, loadDefaultKnowledge } from '../../../src';
import type { RunningServer } from '../../../adapters/server';
import { arrowsOf, expectedArrows, sorted } from '../../render/diagram/svg-arrows';
import { haveChromium } from '../../helpers/chromium';
import { startPageInChromium } from '../../helpers/page-in-chromium';

const SCREENSHOTS = resolve(__dirname, '../../../test-results');
const engine = createEngine(loadDefaultKnowledge());

// Without Chromium outside CI, browser.test.ts says so; in CI it fails there.
(haveChromium ? describe : describe.skip)('The flow diagram on the web page, in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    ({ server, browser } = await startPageInChromium(engine));
    mkdirSync(SCREENSHOTS, { recursive: true });
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(viewport = { width: 1100, height: 900 }, colorScheme: 'light' | 'dark' = 'light') {
    context = await browser.newContext({ viewport, colorScheme, acceptDownloads: true });
    page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
  }

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  async function ask(question: string) {
    await page.fill('#q', question);
    await page.press('#q', 'Enter');
    await page.waitForFunction((asked) => document.getElementById('asked')?.textContent === asked, question);
  }

  /** Waits for the figure's picture to be drawn and loaded; its natural width in CSS pixels. */
  const loadedWidth = (figure: string) =>
    page.waitForFunction((selector) => {
      const image = document.querySelector<HTMLImageElement>(`${selector} img`);
      return image && image.complete && image.naturalWidth > 0 && !image.closest('figure')?.hidden ? image.naturalWidth : 0;
    }, figure).then((handle) => handle.jsonValue());

  async function download(figure: string, format: 'svg' | 'png'): Promise<Buffer> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(`${figure} a[data-format="${format}"]`)]);
    expect(file.suggestedFilename()).toBe(`flow-diagram.${format}`);
    return readFileSync((await file.path())!);
  }

  it('shows the diagram with the answer, and its downloads are the drawing of that answer', async () => {
    await open();
    const question = 'what ports does the Edge Server need in occasional BOI?';
    await ask(question);
    expect(await loadedWidth('#answer-diagram')).toBeGreaterThan(500);
    expect(await page.getAttribute('#answer-diagram img', 'alt')).toBe('Flow diagram: 12 rules in occasional BOI.');
    const svg = (await download('#answer-diagram', 'svg')).toString('utf8');
    expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(engine.ask(question))));
    const png = PNG.sync.read(await download('#answer-diagram', 'png'));
    expect(png.width).toBeGreaterThan(500);
    await page.screenshot({ path: join(SCREENSHOTS, 'web-diagram.png'), fullPage: true });
  });

  it("draws a follow-up in the tab's conversation", async () => {
    await open();
    await ask('between the clients and the edge server in exclusive BOI');
    await loadedWidth('#answer-diagram');
    await ask('and in occasional?');
    await loadedWidth('#answer-diagram');
    const svg = (await download('#answer-diagram', 'svg')).toString('utf8');
    expect([...arrowsOf(svg).keys()]).toEqual(['flow--occasional-boi--dlo-clients--edge-server']);
  });

  it('shows no diagram for an answer without rules', async () => {
    await open();
    await ask('what port does Exchange use?');
    expect(await page.isHidden('#answer-diagram')).toBe(true);
  });

  it('the matrix browser draws the selected mode and component', async () => {
    await open();
    await page.selectOption('#browse-mode', 'non-boi');
    await page.selectOption('#browse-component', 'dedupe-server');
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('#browse-diagram img')?.src.includes('component=dedupe-server'));
    await loadedWidth('#browse-diagram');
    const svg = (await download('#browse-diagram', 'svg')).toString('utf8');
    expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(engine.browse({ modes: ['non-boi'], component: 'dedupe-server' }))));
  });

  it('at 360 px the diagram keeps its size and scrolls inside its frame, or fits the width when asked', async () => {
    await open({ width: 360, height: 800 });
    await ask('what does the SQL Server need in occasional BOI?');
    const natural = await loadedWidth('#answer-diagram');
    const frame = await page.$eval('#answer-diagram .diagram-frame', (el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(frame.scroll).toBeGreaterThanOrEqual(natural);
    expect(frame.client).toBeLessThan(360);
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('#answer-diagram').screenshot({ path: join(SCREENSHOTS, 'web-diagram-360.png') });
    await page.click('#answer-diagram button[data-fit]');
    expect(await page.$eval('#answer-diagram img', (img) => img.getBoundingClientRect().width)).toBeLessThan(360);
  });

  it('in dark mode the picture is shown light on dark', async () => {
    await open({ width: 1100, height: 900 }, 'dark');
    await ask('what uses port 8009?');
    await loadedWidth('#answer-diagram');
    expect(await page.$eval('#answer-diagram img', (img) => getComputedStyle(img).filter)).toContain('invert');
    // The download links read as the page's other buttons: the dark mode's light accent on the dark page, not on white.
    const contrast = await page.$eval('#answer-diagram a[data-format="svg"]', (link) => {
      const channels = (colour: string) => (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
      const luminance = (colour: string) => {
        const [r, g, b] = channels(colour).map((c) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4));
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const style = getComputedStyle(link);
      const [light, dark] = [luminance(style.color), luminance(style.backgroundColor)].sort((a, b) => b - a);
      return (light + 0.05) / (dark + 0.05);
    });
    expect(contrast).toBeGreaterThanOrEqual(4.5);
    await page.locator('#answer-diagram').screenshot({ path: join(SCREENSHOTS, 'web-diagram-dark.png') });
  });
});
