import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KnowledgeError, loadKnowledge } from '../../src';
import { DEFAULT_KNOWLEDGE_DIR, knowledgeFilesIn } from '../../src/knowledge/load';

// Free-form edits of a copied file: the point is to write what the schema forbids.
type Json = Record<string, any>;

describe('Loading a knowledge base that is broken', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'knowledge-'));
    cpSync(DEFAULT_KNOWLEDGE_DIR, dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, change: (json: Json) => void) => {
    const path = join(dir, file);
    const json = JSON.parse(readFileSync(path, 'utf8')) as Json;
    change(json);
    writeFileSync(path, JSON.stringify(json));
  };
  const failure = (): KnowledgeError => {
    try {
      loadKnowledge(knowledgeFilesIn(dir));
    } catch (error) {
      if (error instanceof KnowledgeError) return error;
      throw error;
    }
    throw new Error('the broken knowledge base loaded');
  };

  it('loads the unbroken copy', () => {
    expect(loadKnowledge(knowledgeFilesIn(dir)).flows).toHaveLength(123);
  });

  it.each<[string, string, (json: Json) => void, RegExp]>([
    ['a port above 65535', 'matrix.json', (m) => (m.services[3].ports[0] = '70000'), /matrix\.json: services\[3\]\.ports\[0\]: port 70000 is outside 1-65535/],
    ['a port that is no number', 'matrix.json', (m) => (m.services[0].ports[0] = 'http'), /matrix\.json: services\[0\]\.ports\[0\]: must be a port/],
    ['a range that descends', 'matrix.json', (m) => (m.services[3].ports[0] = '139-135'), /matrix\.json: services\[3\]\.ports\[0\]: range 139-135 must ascend/],
    ['port 0', 'matrix.json', (m) => (m.services[1].ports[0] = '0'), /matrix\.json: services\[1\]\.ports\[0\]: port 0 is outside/],
    ['a source that is no component', 'matrix.json', (m) => (m.services[0].rows[0].modes['non-boi'].sources[0] = 'exchange-server'), /services\[0\]\.rows\[0\]\.modes\["non-boi"\]\.sources\[0\]: unknown component "exchange-server"/],
    ['a duplicate component id', 'matrix.json', (m) => m.components.push({ id: 'edge-server', name: 'Another Edge' }), /matrix\.json: components\[11\]\.id: duplicate component id "edge-server"/],
    ['a duplicate service id', 'matrix.json', (m) => (m.services[5].id = 'dedupe-https'), /matrix\.json: services\[5\]\.id: duplicate service id/],
    ['a diagram group of no component', 'diagram.json', (d) => (d.groups[1].components[0] = 'sql-cluster'), /diagram\.json: groups\[1\]\.components\[0\]: unknown component "sql-cluster"/],
    ['a component in two diagram groups', 'diagram.json', (d) => d.groups[2].components.push('edge-server'), /diagram\.json: groups\[2\]\.components\[3\]: "edge-server" is already in group "servers"/],
    ['a misspelt diagram field', 'diagram.json', (d) => (d.groups[0].members = d.groups[0].components), /diagram\.json: groups\[0\]: Unrecognized key/],
    ['an unknown protocol', 'matrix.json', (m) => (m.services[2].protocol = 'SCTP'), /matrix\.json: services\[2\]\.protocol: unknown protocol "SCTP"/],
    ['an unknown mode in a row', 'matrix.json', (m) => (m.services[0].rows[0].modes['partial-boi'] = 'NA'), /services\[0\]\.rows\[0\]\.modes\["partial-boi"\]: unknown mode/],
    ['a mode left out of a row (instead of "NA")', 'matrix.json', (m) => delete m.services[6].rows[0].modes['non-boi'], /matrix\.json: services\[6\]\.rows\[0\]\.modes: mode "non-boi" is missing/],
    ['an unknown note', 'matrix.json', (m) => (m.services[2].portNote = 'no-such-note'), /matrix\.json: services\[2\]\.portNote: unknown note/],
    ['a missing field', 'matrix.json', (m) => delete m.product, /matrix\.json: product: /],
    ['an id that is not kebab-case', 'matrix.json', (m) => (m.components[0].id = 'Admin Console'), /matrix\.json: components\[0\]\.id: must be a kebab-case id/],
    ['a field nobody reads (a typo of a field name)', 'matrix.json', (m) => (m.services[0].rows[0].modes['non-boi'].destination = ['x']), /services\[0\]\.rows\[0\]\.modes\["non-boi"\]/],
    ['a name for a component the matrix lacks', 'vocabulary.json', (v) => (v.components['exchange-server'] = ['exchange']), /vocabulary\.json: components\["exchange-server"\]: no component "exchange-server" in the matrix/],
    ['one name for two components', 'vocabulary.json', (v) => v.components['io-server'].push('edge'), /vocabulary\.json: components\["(io|edge)-server"\]\[\d+\]: "edge" already names components\.(edge|io)-server/],
    ['a name in upper case', 'vocabulary.json', (v) => (v.components['edge-server'][0] = 'Edge Server'), /vocabulary\.json: components\["edge-server"\]\[0\]: must be lower-case words/],
    ['a mode group with an unknown mode', 'vocabulary.json', (v) => (v.modeGroups[0].modes[1] = 'weekly-boi'), /vocabulary\.json: modeGroups\[0\]\.modes\[1\]: unknown mode "weekly-boi"/],
    ['a template with an unknown placeholder', 'language.json', (l) => (l.templates.port = 'what uses {portnumber}?'), /language\.json: templates\.port: unknown placeholder \{portnumber\}/],
    ['a word in upper case', 'language.json', (l) => l.words.neutral.push('Of The'), /language\.json: words\.neutral\[\d+\]: must be lower-case words/],
    ['a word class nobody reads (a typo of a class name)', 'language.json', (l) => (l.words.negater = ['not']), /language\.json: words: /],
    ['a message with an unknown placeholder', 'language.json', (l) => (l.messages.answer.diff = 'From {from} to {target}.'), /language\.json: messages\.answer\.diff: unknown placeholder \{target\}/],
    ['a deployment mapped to an unknown mode', 'vocabulary.json', (v) => (v.deployments.mixed = 'hybrid-boi'), /vocabulary\.json: deployments\.mixed: unknown mode "hybrid-boi"/],
    ['a condition that is no note of the matrix', 'vocabulary.json', (v) => (v.conditions['vpn-only'] = ['vpn']), /vocabulary\.json: conditions\["vpn-only"\]: no note "vpn-only" in the matrix/],
  ])('%s: names the file and the path', (_, file, change, message) => {
    edit(file, change);
    const error = failure();
    expect(error.message).toMatch(message);
    expect(error.file).toMatch(new RegExp(`${file.replace('.', '\\.')}$`));
  });

  it('a file that is not JSON: names the file and the parser error', () => {
    writeFileSync(join(dir, 'matrix.json'), '{ "product": "DLO", ');
    expect(failure().message).toMatch(/matrix\.json: is not valid JSON/);
  });

  it('a missing file: names the file', () => {
    unlinkSync(join(dir, 'vocabulary.json'));
    expect(failure().message).toMatch(/vocabulary\.json: cannot be read \(ENOENT\)/);
  });
});
