import { once } from "node:events";
import { createWriteStream, existsSync, realpathSync } from "node:fs";
import { mkdir, readFile, rename, rm } from "node:fs/promises";
import path from "node:path";
import type { Writable } from "node:stream";

/** A problem with the command or its files (exit code 2), told in plain words. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

export async function readInput(file: string): Promise<Uint8Array> {
  if (!existsSync(file)) throw new UsageError(`Cannot find the workbook '${file}'.`);
  try {
    return await readFile(file);
  } catch (err) {
    throw new UsageError(`Cannot read '${file}': ${(err as Error).message}`);
  }
}

/** The same file, even when reached by another path or a link. */
export function sameFile(a: string, b: string): boolean {
  const real = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return real(a) === real(b);
}

/** "budget.xlsx" → "budget-costed.xlsx", beside it. */
export function defaultOutputPath(input: string): string {
  const dir = path.dirname(input);
  const base = path.basename(input).replace(/\.xlsx$/i, "");
  return path.join(dir, `${base}-costed.xlsx`);
}

/** What goes in a file: its bytes, or a writer streaming them into the file. */
export type FileContent = Uint8Array | ((out: Writable) => Promise<unknown>);

/**
 * Writes to a temporary file beside the target, then renames it into place: a crash or a
 * full disk leaves either the old file or the new one, never half a workbook. `content`
 * is the bytes, or a function that streams them into the temporary file (the build's
 * workbook writer) and resolves when it has ended the stream. On any failure, the
 * writer's or the disk's, the temporary file is removed and the target left as it was.
 */
export async function writeAtomically(target: string, content: FileContent): Promise<void> {
  const dir = path.dirname(path.resolve(target));
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const out = createWriteStream(temp);
  // A write error (disk full) ends the wait below whatever the writer is doing.
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  failed.catch(() => undefined);
  try {
    const written =
      content instanceof Uint8Array
        ? new Promise<void>((resolve) => out.end(content, resolve))
        : content(out);
    await Promise.race([written, failed]);
    if (!out.closed) await Promise.race([once(out, "close"), failed]);
    await rename(temp, target);
  } catch (err) {
    out.destroy();
    if (!out.closed) await once(out, "close").catch(() => undefined);
    await rm(temp, { force: true });
    throw err;
  }
}
