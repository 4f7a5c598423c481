/**
 * Tests that need a real program (LibreOffice, Chromium) are part of `npm test` (build
 * outputs are built when missing: builds.ts). On CI (CI=true) a missing requirement fails the run; elsewhere the tests
 * are skipped with a message that says what to install, so `npm test` passes on a fresh
 * machine and CI still runs everything.
 */
import { existsSync } from "node:fs";

export interface Requirement {
  /** What it is, for the message: "LibreOffice (soffice)". */
  what: string;
  /** Paths that satisfy it; the first that exists is used. */
  paths: string[];
  /** How to get it: "apt-get install libreoffice-calc-nogui". */
  howToGet: string;
}

export const LIBREOFFICE: Requirement = {
  what: "LibreOffice (soffice)",
  paths: ["/usr/bin/soffice", "/usr/lib/libreoffice/program/soffice"],
  howToGet: "sudo apt-get install -y libreoffice-calc-nogui",
};

export const CHROMIUM: Requirement = {
  what: "Chromium",
  paths: ["/usr/bin/chromium", "/usr/bin/chromium-browser"],
  howToGet: "sudo apt-get install -y chromium",
};

/** The first existing path of the requirement, or undefined. */
export function locate(req: Requirement): string | undefined {
  return req.paths.find((p) => existsSync(p));
}

/**
 * `describe` when every requirement is met; otherwise fails (CI) or skips with a message.
 * Returns the located paths in the order given.
 */
export function describeWith(
  requirements: Requirement[],
  name: string,
  body: (paths: string[]) => void
): void {
  const located = requirements.map(locate);
  const missing = requirements.filter((_, i) => located[i] === undefined);
  if (missing.length === 0) {
    describe(name, () => body(located as string[]));
    return;
  }
  const message = missing.map((r) => `${r.what} not found: ${r.howToGet}`).join("; ");
  if (process.env.CI === "true") {
    describe(name, () => {
      it("has what it needs to run", () => {
        throw new Error(message);
      });
    });
  } else {
    // Not describe.skip(name, body): jest still runs a skipped block's body to collect
    // its tests, and the body may use the paths that are missing.
    console.warn(`Skipping "${name}": ${message}`);
    describe(name, () => {
      it.skip(`needs ${message}`, () => undefined);
    });
  }
}
