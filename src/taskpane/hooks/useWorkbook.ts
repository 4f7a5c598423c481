import { useCallback, useEffect, useRef, useState } from "react";
import type { WorkbookPort } from "../../core/workbook/port";
import type { WorkbookGrids } from "../../core/workbook/types";
import type { PaneEngine } from "../engine";

export interface WorkbookState {
  /** What the core reads: the user's sheets and the assumptions, not the add-in's output. */
  workbook?: WorkbookGrids;
  /** Sheets the add-in created (the only ones it may change). */
  owned: string[];
  loading: boolean;
  error?: string;
  /** Reads the workbook again (it is the source of truth: the user may have edited it). */
  reload: () => Promise<WorkbookGrids>;
}

export function useWorkbook(port: WorkbookPort, engine: PaneEngine): WorkbookState {
  const [workbook, setWorkbook] = useState<WorkbookGrids>();
  const [owned, setOwned] = useState<string[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string>();
  // A slow read must not overwrite the result of a later one.
  const generation = useRef(0);

  const fetchInto = useCallback(
    async (mine: number) => {
      try {
        const [all, ownedSheets] = await Promise.all([port.read(), port.ownedSheets()]);
        const grids = engine.inputsOf(all, ownedSheets);
        if (mine === generation.current) {
          setWorkbook(grids);
          setOwned(ownedSheets);
          setError(undefined);
        }
        return grids;
      } catch (e) {
        if (mine === generation.current) setError(plainError(e, "The workbook could not be read"));
        throw e;
      } finally {
        if (mine === generation.current) setLoading(false);
      }
    },
    [engine, port]
  );

  const reload = useCallback(() => {
    setLoading(true);
    return fetchInto(++generation.current);
  }, [fetchInto]);

  // First read; `loading` starts true, so nothing to set before it.
  useEffect(() => {
    fetchInto(++generation.current).catch(() => undefined); // shown through `error`
  }, [fetchInto]);

  return { workbook, owned, loading, error, reload };
}

/** "The workbook could not be read: <reason>", without stack traces or "Error:" noise. */
export function plainError(e: unknown, what: string): string {
  const reason = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return reason ? `${what}: ${reason}` : `${what}.`;
}
