import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookGrids } from "../../core/workbook/types";
import type { PanePort } from "../services";
import { plainError } from "./useWorkbook";

export interface ShareableMessage {
  intent: "success" | "error";
  text: string;
}

export interface ShareableState {
  /** Owned calculated sheets that may hold ESTAB formulas, in the order the port lists them. */
  sheets: string[];
  /**
   * True when the port reads each sheet's mark (the Excel adapter, the preview); false
   * when it cannot tell live from shareable, so every owned calculated sheet is offered.
   */
  knowsModes: boolean;
  /** The sheet being converted now, if any. */
  converting?: string;
  /** What the last action did, one line per sheet. */
  messages: ShareableMessage[];
  makeShareable: (sheets: string[]) => Promise<void>;
}

const formulas = (n: number) => (n === 1 ? "1 live formula" : `${n} live formulas`);

/**
 * "Make shareable" for live sheets. The list is asked of the port again whenever the
 * workbook is read again (after a build, a refresh or a conversion), so it follows the
 * sheets' marks rather than the pane's memory.
 */
export function useShareable(
  port: PanePort,
  owned: string[],
  assumptionsSheet: string | undefined,
  reload: () => Promise<WorkbookGrids>
): ShareableState {
  const [sheets, setSheets] = useState<string[]>([]);
  const [converting, setConverting] = useState<string>();
  const [messages, setMessages] = useState<ShareableMessage[]>([]);
  const busy = useRef(false);
  const knowsModes = port.liveSheets !== undefined;

  useEffect(() => {
    let current = true;
    const list = port.liveSheets
      ? port.liveSheets()
      : Promise.resolve(owned.filter((s) => s !== assumptionsSheet));
    list.then(
      (names) => {
        if (current) setSheets(names);
      },
      () => {
        // The marks could not be read: offer nothing rather than guess.
        if (current) setSheets([]);
      }
    );
    return () => {
      current = false;
    };
  }, [port, owned, assumptionsSheet]);

  const makeShareable = useCallback(
    async (names: string[]) => {
      if (busy.current || names.length === 0) return;
      busy.current = true;
      setMessages([]);
      const done: ShareableMessage[] = [];
      try {
        // One at a time: each is its own conversion, and one refusal does not stop the rest.
        for (const name of names) {
          setConverting(name);
          try {
            const { converted } = await port.makeShareable(name);
            done.push({
              intent: "success",
              text:
                converted === 0
                  ? `“${name}” is shareable: it had no live formulas to replace.`
                  : `“${name}” is now shareable: ${formulas(converted)} replaced by their values.`,
            });
          } catch (e) {
            done.push({
              intent: "error",
              text: plainError(e, `“${name}” could not be made shareable`),
            });
          }
          setMessages([...done]);
        }
      } finally {
        setConverting(undefined);
        busy.current = false;
      }
      await reload().catch(() => undefined);
    },
    [port, reload]
  );

  return { sheets, knowsModes, converting, messages, makeShareable };
}
