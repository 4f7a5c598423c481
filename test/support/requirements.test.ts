import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../..");

/** Runs jest on one fixture file in a process of its own, with CI set or not. */
function jestOn(fixture: string, ci: boolean) {
  const env = { ...process.env };
  if (ci) env.CI = "true";
  else delete env.CI;
  return spawnSync(
    process.execPath,
    [
      path.join(ROOT, "node_modules/jest/bin/jest.js"),
      fixture,
      "--rootDir",
      ROOT,
      "--roots",
      "<rootDir>/test/support/fixtures",
      "--testMatch",
      "**/*.fixture.ts",
      "--verbose",
      "--reporters=default",
      "--reporters=<rootDir>/test/support/summary-reporter.js",
    ],
    { cwd: ROOT, env, encoding: "utf8" }
  );
}

describe("describeWith", () => {
  it("skips a suite whose requirement is missing without running its body (not on CI)", () => {
    const run = jestOn("missing-requirement", false);
    expect(run.stdout).toContain("0 passed, 0 failed, 1 skipped");
    expect(run.stdout + run.stderr).toContain("a program no machine has not found: nothing");
    expect(run.status).toBe(0);
  }, 60_000);

  it("fails it on CI, saying what to install", () => {
    const run = jestOn("missing-requirement", true);
    expect(run.stdout).toContain("0 passed, 1 failed");
    expect(run.stdout + run.stderr).toContain("a program no machine has not found: nothing");
    expect(run.status).toBe(1);
  }, 60_000);
});
