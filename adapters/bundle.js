#!/usr/bin/env node
// The esbuild bundles the project runs from: the CLI's (dist/cli/) and the server's (dist/), each
// rebuilt when a source file changed. Starting from JavaScript saves compiling the TypeScript on
// every start (about a second) and tsx's loader in the server's memory (about 40 MB).
// `node adapters/bundle.js` (npm run build) builds the server's bundle whatever its state.
'use strict';
const { existsSync, mkdirSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync } = require('node:fs');
const { join, relative, resolve } = require('node:path');

const root = resolve(__dirname, '..');
const SOURCE = /\.[cm]?[jt]s$/;

/** Every source file under the folders, with its size and time, in a stable order. */
function sourceFiles(dirs) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) {
        const { size, mtimeMs } = statSync(path);
        files.push({ path, size, mtimeMs });
      }
    }
  };
  for (const dir of dirs) walk(join(root, dir));
  return files;
}

/**
 * The sources' stamp: the same files at the same size and time give the same stamp, so two
 * builds of one tree agree. Each bundle carries it (__BUNDLE_ID__, adapters/bundle-id.ts): a
 * server refuses a worker file of another build.
 */
function stampOf(files) {
  // Required here: only a build needs it, and loading node:crypto costs every CLI start several ms.
  const hash = require('node:crypto').createHash('sha256');
  for (const file of files) hash.update(`${relative(root, file.path)}\0${file.size}\0${file.mtimeMs}\n`);
  return hash.digest('hex').slice(0, 16);
}

/**
 * Bundles `entries` (output name: source file) into `outdir` when an output is missing or older
 * than a source of `sources` (folders of the project), or always with `force`. Returns the
 * outputs' paths by name; when they cannot be written (a read-only checkout), says so on stderr
 * and returns the sources themselves, run through tsx's require hook.
 */
function freshBundle(entries, outdir, { sourcemap = false, force = false, sources = ['src', 'adapters'] } = {}) {
  const names = Object.keys(entries);
  const outputs = Object.fromEntries(names.map((name) => [name, join(outdir, `${name}.js`)]));
  const files = sourceFiles(sources);
  const newest = Math.max(0, ...files.map((file) => file.mtimeMs));
  const stale = force || names.some((name) => !existsSync(outputs[name]) || statSync(outputs[name]).mtimeMs < newest);
  if (!stale) return outputs;
  const { outputFiles } = require('esbuild').buildSync({
    entryPoints: entries,
    bundle: true,
    platform: 'node',
    target: 'node20',
    packages: 'external',
    sourcemap,
    define: { __BUNDLE_ID__: JSON.stringify(stampOf(files)) },
    outdir,
    write: false,
    logLevel: 'warning',
  });
  try {
    mkdirSync(outdir, { recursive: true });
    for (const output of outputFiles) {
      // Written aside, then renamed: two runs starting at once never read half a bundle.
      const partial = `${output.path}.${process.pid}.tmp`;
      try {
        writeFileSync(partial, output.contents);
        renameSync(partial, output.path);
      } finally {
        if (existsSync(partial)) unlinkSync(partial);
      }
    }
    return outputs;
  } catch (error) {
    if (!['EACCES', 'EPERM', 'EROFS'].includes(error.code)) throw error;
    process.stderr.write(`Cannot write the bundle in ${relative(process.cwd(), outdir) || '.'} (${error.code}): running from the TypeScript sources instead (slower to start). Run npm run build as the project's owner to start from the bundle.\n`);
    require('tsx/cjs');
    return entries;
  }
}

/** The server (dist/server.js) and the worker that reads long questions beside it (dist/read-aside-worker.js). */
function serverBundle(options = {}) {
  return freshBundle({ server: join(root, 'adapters/main.ts'), 'read-aside-worker': join(root, 'adapters/read-aside-worker.ts') }, join(root, 'dist'), { sourcemap: true, ...options });
}

module.exports = { freshBundle, serverBundle };

if (require.main === module) serverBundle({ force: true });
