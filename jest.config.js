const { availableParallelism } = require('node:os');

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
  testTimeout: 20000,
  // Not Jest's cores - 1, which is one on 2 cores: the suites mostly wait on the processes they start.
  maxWorkers: Math.max(2, availableParallelism() - 1),
};
