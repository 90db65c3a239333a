const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
  // Jest's default (cores - 1) is one worker on a 2-core machine. Most of the suite's time is spent
  // waiting on processes it started (servers, Chromium, Redis, the CLI), so two workers overlap
  // those waits: 212 s of suites ran in 142 s on this machine.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
