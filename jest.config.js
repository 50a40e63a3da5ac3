/** Jest runs TypeScript through SWC (fast, no type check; `npm run typecheck` does that). */
const swc = [
  '@swc/jest',
  {
    jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' },
    module: { type: 'commonjs' },
  },
];

/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc },
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  // End-to-end tests start a browser; they get more time than unit tests.
  testTimeout: 30000,
  // Finds (or on Debian as root installs) the browser the e2e tests drive: test/support/chromium.ts.
  globalSetup: '<rootDir>/test/support/globalSetup.ts',
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
};
