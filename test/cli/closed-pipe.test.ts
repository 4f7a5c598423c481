/**
 * `estab build … | head -1`: the reader closes the pipe after the first line. The build
 * still writes its file and exits with its own code, with no stack trace.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { CLI_BUILD, ensureBuilt } from "../support/builds";

const DEMO = path.join(__dirname, "../../examples/childrens-services.xlsx");

it("a reader that stops after the first line leaves the file written and exit code 0", async () => {
  const built = ensureBuilt(CLI_BUILD).marker;
  const dir = mkdtempSync(path.join(tmpdir(), "estab-pipe-"));
  try {
    const output = path.join(dir, "costed.xlsx");
    // The shell's own pipe into head, as a user types it; the exit code is estab's.
    const script = 'node "$0" build "$1" -o "$2" | head -1 >/dev/null; exit "${PIPESTATUS[0]}"';
    const child = spawn("bash", ["-c", script, built, DEMO, output], {
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect({ code, stderr }).toEqual({ code: 0, stderr: "" });
    expect(existsSync(output)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 120_000);
