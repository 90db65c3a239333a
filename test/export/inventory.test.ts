import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { InventoryError, loadInventory } from '../../src';
import { engine } from '../helpers/engine';

const components = engine.catalog.components;

describe('Loading a host inventory', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'inventory-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes the text to a file of that name and loads it; returns the InventoryError it throws. */
  function failure(name: string, text: string): InventoryError {
    const file = join(dir, name);
    writeFileSync(file, text);
    try {
      loadInventory(file, components);
    } catch (error) {
      if (error instanceof InventoryError) return error;
      throw error;
    }
    throw new Error(`${name} loaded`);
  }

  it('reads the commented example (YAML)', () => {
    const inventory = loadInventory(resolve(__dirname, '../../examples/hosts.example.yaml'), components);
    expect(inventory.hosts['dlo-clients']).toEqual(['198.51.100.0/25', '2001:db8:100::/56']);
    expect(inventory.hosts['maintenance-server']).toEqual(['dlo-maint.example.com']);
    expect(Object.keys(inventory.hosts).sort()).toEqual(components.map((c) => c.id).sort());
  });

  it('reads JSON, skipping a $comment', () => {
    const file = join(dir, 'hosts.json');
    writeFileSync(file, JSON.stringify({ $comment: 'made-up hosts', 'edge-server': ['192.0.2.20', '2001:db8::20'] }));
    expect(loadInventory(file, components)).toEqual({ hosts: { 'edge-server': ['192.0.2.20', '2001:db8::20'] }, connectsFrom: [] });
  });

  it.each<[string, string, string, RegExp]>([
    ['an invalid IPv4 address', 'a.yaml', 'edge-server: [192.0.2.300]', /a\.yaml: \["edge-server"\]\[0\]: "192\.0\.2\.300" is not a valid IPv4 address/],
    ['a network with host bits set', 'b.yaml', 'dlo-clients:\n  - 198.51.100.0/24\n  - 198.51.100.7/24', /b\.yaml: \["dlo-clients"\]\[1\]: "198\.51\.100\.7\/24" has host bits set: the network is 198\.51\.100\.0\/24/],
    ['a prefix too long', 'c.yaml', 'dlo-clients: ["2001:db8::/129"]', /c\.yaml: \["dlo-clients"\]\[0\]: .*prefix length outside 0-128/],
    ['an unknown component id', 'd.yaml', 'edge-servr: [192.0.2.20]', /d\.yaml: \["edge-servr"\]: unknown component "edge-servr"; the components are admin-console, /],
    ['a name with a quote', 'e.json', '{"sql-server": ["sql\'; Remove-Item C:\\\\ -Recurse; \'"]}', /e\.json: \["sql-server"\]\[0\]: .* holds "'": an address or DNS name has only letters, digits/],
    ['a name with a shell character', 'f.yaml', 'sql-server: ["$(reboot)"]', /f\.yaml: \["sql-server"\]\[0\]: .* holds "\$"/],
    ['a name with a space', 'g.yaml', 'sql-server: ["sql 01"]', /g\.yaml: \["sql-server"\]\[0\]: .* holds " "/],
    ['a DNS name that is not one', 'h.yaml', 'sql-server: [-sql.example.com]', /h\.yaml: \["sql-server"\]\[0\]: "-sql\.example\.com" is not a valid DNS name/],
    ['a component without addresses', 'i.yaml', 'edge-server: []', /i\.yaml: \["edge-server"\]: must list at least one address/],
    ['an address listed twice', 'j.yaml', 'edge-server: [192.0.2.20, 192.0.2.20]', /j\.yaml: \["edge-server"\]\[1\]: "192\.0\.2\.20" is listed twice/],
    ['an address that is no string', 'k.yaml', 'edge-server: [443]', /k\.yaml: \["edge-server"\]\[0\]: .*expected string/],
    ['a list at the top', 'l.yaml', '- 192.0.2.20', /l\.yaml: .*expected object/],
    ['invalid YAML', 'm.yaml', 'edge-server: [192.0.2.20', /m\.yaml: is not valid YAML/],
    ['invalid JSON', 'n.json', '{"edge-server": ', /n\.json: is not valid JSON/],
    ['another extension', 'o.txt', 'edge-server: [192.0.2.20]', /o\.txt: must end in \.json, \.yaml or \.yml/],
  ])('refuses %s, naming the file and the path', (_, name, text, message) => {
    expect(failure(name, text).message).toMatch(message);
  });

  it('refuses a file it cannot read', () => {
    expect(() => loadInventory(join(dir, 'absent.yaml'), components)).toThrow(/absent\.yaml: cannot be read \(ENOENT\)/);
  });
});
