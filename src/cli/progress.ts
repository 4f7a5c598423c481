/**
 * A one-line progress indicator on stderr, for big workbooks that take a while. Only on
 * a terminal: when stderr is a file or a pipe (scripts, CI) it says nothing.
 */
export interface Progress {
  step(message: string): void;
  done(): void;
}

export function progressOn(stream: { isTTY?: boolean; write(s: string): unknown }): Progress {
  if (!stream.isTTY) return { step: () => undefined, done: () => undefined };
  let shown = false;
  return {
    step(message) {
      stream.write(`\r\x1b[2K${message}`);
      shown = true;
    },
    done() {
      if (shown) stream.write("\r\x1b[2K");
      shown = false;
    },
  };
}
