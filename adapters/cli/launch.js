#!/usr/bin/env node
// `npm run ask|export|audit`: runs that command from a bundle in dist/cli/, rebuilt with esbuild
// whenever a source file is newer. Starting from JavaScript saves about a second per run against compiling the
// TypeScript on every start, which matters to scripts that call the CLI in a loop.
'use strict';
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const command = process.argv[2];
const commands = ['ask', 'export', 'audit'].filter((name) => existsSync(join(__dirname, `${name}.ts`)));
if (!commands.includes(command)) {
  process.stderr.write(`usage: node adapters/cli/launch.js ${commands.join('|')} [ARGS]\n`);
  process.exit(2);
}
const outdir = join(root, 'dist', 'cli');
const bundle = join(outdir, `${command}.js`);

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.[cm]?[jt]s$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'adapters')));
if (stale) {
  const { outputFiles } = require('esbuild').buildSync({
    entryPoints: commands.map((name) => join(__dirname, `${name}.ts`)),
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  for (const output of outputFiles) {
    // Written aside, then renamed: two runs starting at once never read half a bundle.
    const partial = `${output.path}.${process.pid}.tmp`;
    writeFileSync(partial, output.contents);
    renameSync(partial, output.path);
  }
}
process.argv.splice(2, 1);
require(bundle);
