#!/usr/bin/env node
// `npm run ask|export|audit`: runs that command from a bundle in dist/cli/, rebuilt with esbuild
// whenever a source file is newer (adapters/bundle.js). Scripts call the CLI in a loop: each run
// starts from JavaScript instead of compiling the TypeScript.
'use strict';
const { existsSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { freshBundle } = require('../bundle');

const root = resolve(__dirname, '../..');
const command = process.argv[2];
const commands = ['ask', 'export', 'audit'].filter((name) => existsSync(join(__dirname, `${name}.ts`)));
if (!commands.includes(command)) {
  process.stderr.write(`usage: node adapters/cli/launch.js ${commands.join('|')} [ARGS]\n`);
  process.exit(2);
}
const run = freshBundle(Object.fromEntries(commands.map((name) => [name, join(__dirname, `${name}.ts`)])), join(root, 'dist', 'cli'));
process.argv.splice(2, 1);
require(run[command]);
