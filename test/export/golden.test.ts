import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportAnswer, loadInventory, OUTPUT_FORMATS, type OutputFormat } from '../../src';
import { engine } from '../helpers/engine';

const fixtures = join(__dirname, '../fixtures/export');
const inventory = loadInventory(join(fixtures, 'hosts.json'), engine.catalog.components);
const EXTENSIONS: Record<OutputFormat, string> = { csv: 'csv', markdown: 'md', json: 'json', powershell: 'ps1' };

/** Compares with the golden file; UPDATE_GOLDEN=1 writes it instead (then read it against the document before committing). */
function expectGolden(name: string, content: string) {
  const file = join(fixtures, name);
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(file, content);
  expect(existsSync(file)).toBe(true);
  expect(content).toBe(readFileSync(file, 'utf8'));
}

describe('Exporting the exclusive BOI rules', () => {
  const answer = engine.browse({ modes: ['exclusive-boi'] });

  it.each(OUTPUT_FORMATS)('as %s with placeholders, without an inventory', (format) => {
    expectGolden(`exclusive-boi.${EXTENSIONS[format]}`, exportAnswer(answer, engine.catalog, { format }).content);
  });

  it.each(OUTPUT_FORMATS)('as %s with the inventory\'s addresses', (format) => {
    expectGolden(`exclusive-boi.hosts.${EXTENSIONS[format]}`, exportAnswer(answer, engine.catalog, { format, inventory }).content);
  });
});

describe('Exporting what the Edge Server must accept in occasional BOI', () => {
  const answer = engine.browse({ modes: ['occasional-boi'], component: 'edge-server' });
  const inbound = { ...answer, rules: answer.rules.filter((r) => r.destination === 'edge-server') };

  it.each(OUTPUT_FORMATS)('as %s with the inventory\'s addresses', (format) => {
    expectGolden(`occasional-boi.edge-server-in.hosts.${EXTENSIONS[format]}`, exportAnswer(inbound, engine.catalog, { format, inventory }).content);
  });
});

describe('The Markdown export, where Markdown is not rendered (a ticket system)', () => {
  const { content } = exportAnswer(engine.browse({ modes: ['occasional-boi'] }), engine.catalog, { format: 'markdown' });

  it('reads plainly: the title shows "(DLO)", ports "135-139, 445", only Markdown\'s own characters escaped', () => {
    expect(content.split('\n', 1)[0]).toBe('# Firewall rules: Veritas Desktop and Laptop Option (DLO), occasional BOI');
    expect(content).toContain('| 135-139, 445 | TCP/UDP |');
    expect(content).toContain('\\<DLO Edge Server\\>');
  });
});
