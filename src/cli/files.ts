import { existsSync, realpathSync } from "node:fs";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

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

/**
 * Writes to a temporary file beside the target, then renames it into place: a crash or a
 * full disk leaves either the old file or the new one, never half a workbook.
 */
export async function writeAtomically(target: string, bytes: Uint8Array): Promise<void> {
  await mkdir(path.dirname(path.resolve(target)), { recursive: true });
  const temp = path.join(
    path.dirname(path.resolve(target)),
    `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`
  );
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}
