#!/usr/bin/env node
// The esbuild bundles the project runs from: the CLI's (dist/cli/) and the server's (dist/), each
// rebuilt when a source file is newer. Starting from JavaScript saves compiling the TypeScript on
// every start (about a second) and tsx's loader in the server's memory (about 40 MB).
// `node adapters/bundle.js` (npm run build) builds the server's bundle whatever its age.
'use strict';
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (/\.[cm]?[jt]s$/.test(entry.name)) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

/**
 * Bundles `entries` (output name: source file) into `outdir` when the first output is missing or
 * older than a source of `sources` (folders of the project), or always with `force`. Returns the first output's path.
 */
function freshBundle(entries, outdir, { sourcemap = false, force = false, sources = ['src', 'adapters'] } = {}) {
  const names = Object.keys(entries);
  const first = join(outdir, `${names[0]}.js`);
  const stale = force || !existsSync(first) || statSync(first).mtimeMs < Math.max(...sources.map((dir) => newestSource(join(root, dir))));
  if (!stale) return first;
  const { outputFiles } = require('esbuild').buildSync({
    entryPoints: Object.fromEntries(names.map((name) => [name, entries[name]])),
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap,
    outdir,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(outdir, { recursive: true });
  // The first output is written last: its age is what says the bundle is fresh.
  for (const output of [...outputFiles].sort((a, b) => (a.path === first) - (b.path === first))) {
    // Written aside, then renamed: two runs starting at once never read half a bundle.
    const partial = `${output.path}.${process.pid}.tmp`;
    writeFileSync(partial, output.contents);
    renameSync(partial, output.path);
  }
  return first;
}

/** The server (dist/server.js) and the worker that reads long questions beside it (dist/read-aside-worker.js). */
function serverBundle(options = {}) {
  return freshBundle({ server: join(root, 'adapters/main.ts'), 'read-aside-worker': join(root, 'adapters/read-aside-worker.ts') }, join(root, 'dist'), { sourcemap: true, ...options });
}

module.exports = { freshBundle, serverBundle };

if (require.main === module) serverBundle({ force: true });
