#!/usr/bin/env node
/** The estab command's entry point (package.json "bin"). */
import { escapeControls } from "./format";
import { main } from "./program";

export { main };

if (require.main === module) {
  main(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    now: () => new Date(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (err: unknown) => {
      process.stderr.write(`estab: ${escapeControls(String(err))}\n`);
      process.exitCode = 3;
    }
  );
}
