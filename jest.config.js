/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json" }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  reporters: ["default", "<rootDir>/test/support/summary-reporter.js"],
  // Browser and LibreOffice tests start real processes; give them room, never a time assertion.
  testTimeout: 60000,
};
