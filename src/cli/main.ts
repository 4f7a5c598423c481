#!/usr/bin/env node
/** The estab command's entry point (package.json "bin"). */
import { escapeControls } from "./format";
import { main } from "./program";

export { main };

/**
 * A reader that stops early (`estab build … | head -1`) closes the pipe: the rest of what
 * would be printed is dropped, the work (the output file) goes on and the exit code stays
 * the run's. Other stream errors are still thrown.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE" && err.code !== "ERR_STREAM_DESTROYED") throw err;
  });
}

if (require.main === module) {
  quietOnClosedPipe(process.stdout);
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
