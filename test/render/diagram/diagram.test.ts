import { instance } from '@viz-js/viz';
import { PNG } from 'pngjs';
import { createDiagramRenderer, createEngine, knowledgeFilesIn, loadKnowledge, type Answer, type DiagramRenderer, type Rule } from '../../../src';
import { diagramDot } from '../../../src/render/diagram/diagram-dot';
import { diagramGraph } from '../../../src/render/diagram/diagram-graph';
import { engine } from '../../helpers/engine';
import { overlaps, type Layout } from './layout-overlaps';
import { arrowsOf, expectedArrows, sorted, xmlText } from './svg-arrows';

let diagrams: DiagramRenderer;
beforeAll(async () => {
  diagrams = await createDiagramRenderer(engine.catalog.diagram);
});

const whole = (mode: string) => engine.browse({ modes: [mode] });
const cases: [string, () => Answer][] = [
  ...engine.catalog.modes.map((m) => [`the whole of ${m.id}`, () => whole(m.id)] as [string, () => Answer]),
  ['every mode at once', () => engine.browse({})],
  ['a component', () => engine.ask('what ports does the Edge Server need in occasional BOI?')],
  ['a component in every mode', () => engine.ask('what does the SQL Server need?')],
  ['a pair', () => engine.ask('between the clients and the dedupe server')],
  ['a diff', () => engine.ask('what changes from occasional BOI to non-BOI?')],
  ['a diff the other way', () => engine.ask('what changes from non-BOI to exclusive BOI?')],
];

describe('When an answer is drawn as a flow diagram', () => {
  test.each(cases)('for %s, the SVG has one arrow per source and destination, labelled with exactly its rules', (_, answerOf) => {
    const answer = answerOf();
    expect(answer.rules.length).toBeGreaterThan(0);
    const svg = diagrams.svg(answer)!;
    expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(answer)));
  });

  // Every slice the matrix browser can draw, besides the answers above: a layout setting that
  // puts one label over another anywhere shows here.
  const slices: [string, () => Answer][] = engine.catalog.components.flatMap((c) => [
    [`${c.id} in every mode`, () => engine.browse({ component: c.id })] as [string, () => Answer],
    ...engine.catalog.modes.map((m) => [`${c.id} in ${m.id}`, () => engine.browse({ modes: [m.id], component: c.id })] as [string, () => Answer]),
  ]);

  test.each([...cases, ...slices])('for %s, no label is drawn over another label or a component', (_, answerOf) => {
    return instance().then((viz) => {
      const layout = viz.renderJSON(diagramDot(diagramGraph(answerOf(), engine.catalog.diagram))) as Layout;
      expect(overlaps(layout)).toEqual([]);
    });
  });

  test('arrows between the same two components are one arrow with a line per service', () => {
    const answer = whole('occasional-boi');
    const svg = diagrams.svg(answer)!;
    const toSql = arrowsOf(svg).get('flow--occasional-boi--edge-server--sql-server');
    expect(toSql).toEqual(['SQL Server Browser 1434 UDP', 'SQL Server 1433 TCP [1]', 'File Sharing/Browsing 135-139,445 TCP/UDP [2]']);
    expect(svg).toContain('[1] 1433 or dynamic port.');
    expect(svg).toContain('[2] If default named pipes are used for SQL Server communication.');
  });

  test("a diff's arrows differ by colour and line style as well as by + and -", () => {
    const answer = engine.ask('what changes from occasional BOI to non-BOI?');
    const svg = diagrams.svg(answer)!;
    const removed = xmlText(svg).match(/<g id="flow--[^"]+--removed" class="edge flow removed">[\s\S]*?<path([^>]*)>/)!;
    expect(removed[1]).toContain('stroke="#cf222e"');
    expect(removed[1]).toContain('stroke-dasharray');
    expect(svg).toContain('Removed (were in occasional BOI)');
  });

  test('the components are grouped as knowledge/diagram.json says', () => {
    const svg = diagrams.svg(whole('non-boi'))!;
    expect(svg).toMatch(/<title>cluster_s0_servers<\/title>[\s\S]*?<text[^>]*>DLO servers<\/text>/);
  });

  test('an answer without rules draws nothing', async () => {
    const answer = engine.ask('what port does Exchange use?');
    expect(diagrams.svg(answer)).toBeUndefined();
    await expect(diagrams.png(answer)).resolves.toBeUndefined();
  });

  test('the PNG is the SVG drawn with the bundled font, the same bytes on every run', async () => {
    const answer = engine.ask('what ports does the Edge Server need in occasional BOI?');
    const [first, second] = await Promise.all([diagrams.png(answer), diagrams.png(answer)]);
    const image = PNG.sync.read(first!);
    const [, width, height] = diagrams.svg(answer)!.match(/width="(\d+)pt" height="(\d+)pt"/)!.map(Number);
    // Points at 96 dpi.
    expect(Math.abs(image.width - (width * 4) / 3)).toBeLessThan(1.5);
    expect(Math.abs(image.height - (height * 4) / 3)).toBeLessThan(1.5);
    expect(first!.equals(second!)).toBe(true);
    // The title's glyphs are there: without the font, resvg would leave the text out.
    let dark = 0;
    for (let y = 0; y < 60; y++) for (let x = 0; x < 400; x++) if (image.data[(y * image.width + x) * 4] < 100) dark++;
    expect(dark).toBeGreaterThan(200);
  });

  test('markup in a name is drawn as text, never as markup', () => {
    const rule: Rule = { mode: 'm', service: 'Svc "x" <b>&', ports: '1', protocol: 'TCP', source: 'a', destination: 'b' };
    const svg = diagrams.svg({ modes: ['m'], rules: [rule], labels: { a: '<script>alert(1)</script>', b: 'B\\N "q"' }, summary: '<i>1</i> rule', understood: 'a & b' })!;
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).toContain('B\\N &quot;q&quot;');
    expect(arrowsOf(svg).get('flow--m--a--b')).toEqual(['Svc "x" <b>& 1 TCP']);
  });
});

describe("When another product's matrix, without a diagram file, is drawn", () => {
  test('every component stands on its own and the arrows match the rules', async () => {
    const acme = createEngine(loadKnowledge(knowledgeFilesIn(`${__dirname}/../../fixtures/acme`)));
    expect(acme.catalog.diagram.groups).toEqual([]);
    const answer = acme.browse({ modes: ['cellular'] });
    const svg = (await createDiagramRenderer(acme.catalog.diagram)).svg(answer)!;
    expect(svg).not.toContain('cluster_');
    expect(sorted(arrowsOf(svg))).toEqual(sorted(expectedArrows(answer)));
  });
});
