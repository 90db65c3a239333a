#!/usr/bin/env node
// `npm run ask`: runs the CLI from a bundle in dist/, rebuilt with esbuild whenever a source
// file is newer. Starting from JavaScript saves about a second per run against compiling the
// TypeScript on every start, which matters to scripts that call the CLI in a loop.
'use strict';
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '../..');
const bundle = join(root, 'dist', 'cli.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(bundle) || statSync(bundle).mtimeMs < Math.max(newestSource(join(root, 'src')), newestSource(join(root, 'adapters')));
if (stale) {
  const [output] = require('esbuild').buildSync({
    entryPoints: [join(root, 'adapters', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outfile: bundle,
    write: false,
    logLevel: 'warning',
  }).outputFiles;
  // Written aside, then renamed: two runs starting at once never read half a bundle.
  const partial = `${bundle}.${process.pid}.tmp`;
  mkdirSync(join(root, 'dist'), { recursive: true });
  writeFileSync(partial, output.contents);
  renameSync(partial, bundle);
}
require(bundle);
