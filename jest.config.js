/** jest: unit, integration (real SDK → in-process emulator), conformance (emulator) and weapp page tests. */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] },
  testMatch: ['<rootDir>/test/{unit,integration,conformance,weapp,deploy}/**/*.test.ts'],
  moduleNameMapper: { '^@lxq/types$': '<rootDir>/types/index.ts', '^@lxq/types/(.*)$': '<rootDir>/types/$1' },
  testTimeout: 30000,
  maxWorkers: 2,
  globalSetup: '<rootDir>/test/globalSetup.ts',
};
