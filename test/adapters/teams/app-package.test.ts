import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { createEngine, loadDefaultKnowledge } from '../../../src';
import { buildAppPackage, writeAppPackage } from '../../../adapters/teams/app-package';
import { buildManifest, exampleCommands, teamsManifestSchema } from '../../../adapters/teams/manifest';

const ROOT = resolve(__dirname, '../../..');
const APP_ID = '7c9e6679-7425-40de-944b-e07fc1f90ae7';
const engine = createEngine(loadDefaultKnowledge());

async function unzip(zip: Buffer): Promise<{ names: string[]; manifest: Record<string, unknown>; color: PNG; outline: PNG }> {
  const archive = await JSZip.loadAsync(zip);
  const file = (name: string) => archive.file(name)!.async('nodebuffer');
  return {
    names: Object.keys(archive.files).sort(),
    manifest: JSON.parse((await file('manifest.json')).toString('utf8')),
    color: PNG.sync.read(await file('color.png')),
    outline: PNG.sync.read(await file('outline.png')),
  };
}

const pixels = (png: PNG) => Array.from({ length: png.width * png.height }, (_, index) => [...png.data.subarray(index * 4, index * 4 + 4)]);

describe('The Teams app package', () => {
  let content: Awaited<ReturnType<typeof unzip>>;

  beforeAll(async () => {
    const manifest = buildManifest({
      appId: APP_ID,
      version: '1.2.3',
      developer: { name: 'Ops', websiteUrl: 'https://ops.example.com/', privacyUrl: 'https://ops.example.com/', termsOfUseUrl: 'https://ops.example.com/' },
      product: engine.catalog.product,
      commands: exampleCommands(engine),
    });
    content = await unzip(await buildAppPackage(manifest));
  });

  it('holds exactly the manifest and the two icons, at the root', () => {
    expect(content.names).toEqual(['color.png', 'manifest.json', 'outline.png']);
  });

  it("has every field the manifest schema requires, and the bot id is the app's Microsoft App ID", () => {
    const { manifest } = content;
    for (const field of ['manifestVersion', 'version', 'id', 'developer', 'name', 'description', 'icons', 'accentColor']) {
      expect(manifest).toHaveProperty(field);
    }
    expect(teamsManifestSchema.parse(manifest)).toEqual(manifest);
    expect(manifest.manifestVersion).toMatch(/^1\.(2[2-9]|[3-9]\d)$/);
    expect(manifest.$schema).toBe(`https://developer.microsoft.com/json-schemas/teams/v${manifest.manifestVersion}/MicrosoftTeams.schema.json`);
    expect(manifest).toMatchObject({ id: APP_ID, version: '1.2.3', icons: { color: 'color.png', outline: 'outline.png' } });
  });

  it('offers the bot in personal chats, group chats and teams, with example questions as commands', () => {
    const [bot] = teamsManifestSchema.parse(content.manifest).bots;
    expect(bot.botId).toBe(APP_ID);
    expect(bot.scopes).toEqual(['personal', 'team', 'groupChat']);
    const commands = bot.commandLists[0].commands;
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      expect(engine.catalog.examples).toContain(command.title);
      expect(engine.ask(command.title).status).toBe('answered');
    }
  });

  it('has a 192x192 colour icon', () => {
    expect([content.color.width, content.color.height]).toEqual([192, 192]);
  });

  it('has a 32x32 outline icon: white on transparent, nothing else', () => {
    const { outline } = content;
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const all = pixels(outline);
    expect(all.some(([, , , alpha]) => alpha === 0)).toBe(true);
    expect(all.filter(([, , , alpha]) => alpha > 0).every((pixel) => pixel.join() === '255,255,255,255')).toBe(true);
  });
});

describe('npm run teams:package', () => {
  let dir: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'teams-package-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes the zip for MicrosoftAppId (the script itself)', async () => {
    const output = join(dir, 'app.zip');
    const env = { ...process.env, MicrosoftAppId: APP_ID, TEAMS_APP_DEVELOPER_URL: 'https://ops.example.com/' };
    await promisify(execFile)(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'adapters/teams/package-main.ts'), output], { cwd: dir, env });
    const { manifest } = await unzip(readFileSync(output));
    expect(manifest).toMatchObject({ id: APP_ID, bots: [{ botId: APP_ID }], developer: { websiteUrl: 'https://ops.example.com/' } });
  });

  it.each([
    ['without MicrosoftAppId', {}, /teams:package needs MicrosoftAppId/],
    ['with a developer URL that is not https', { MicrosoftAppId: APP_ID, TEAMS_APP_DEVELOPER_URL: 'http://ops.example.com/' }, /TEAMS_APP_DEVELOPER_URL must be an https/],
  ])('refuses %s, saying why', async (_name, env, message) => {
    await expect(writeAppPackage(env, join(dir, 'refused.zip'))).rejects.toThrow(message);
  });
});
