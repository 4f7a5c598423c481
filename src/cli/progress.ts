/**
 * A one-line progress indicator on stderr, for big workbooks that take a while. Only on
 * a terminal: when stderr is a file or a pipe (scripts, CI) it says nothing.
 */
export interface Progress {
  step(message: string): void;
  done(): void;
}

/** Back to the start of the line and clear it: the progress line is redrawn in place. */
export const CLEAR_LINE = "\r\x1b[2K";

export function progressOn(stream: { isTTY?: boolean; write(s: string): unknown }): Progress {
  if (!stream.isTTY) return { step: () => undefined, done: () => undefined };
  let shown = false;
  return {
    step(message) {
      stream.write(`${CLEAR_LINE}${message}`);
      shown = true;
    },
    done() {
      if (shown) stream.write(CLEAR_LINE);
      shown = false;
    },
  };
}
