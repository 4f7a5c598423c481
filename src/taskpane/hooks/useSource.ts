import { useCallback, useMemo, useState } from "react";
import type { PostField } from "../../core/model";
import type { WorkbookGrids } from "../../core/workbook/types";
import type { PaneEngine, SourceChoice, SourceView } from "../engine";

export interface SourceState {
  view?: SourceView;
  choice: SourceChoice;
  chooseEstablishment: (id: string) => void;
  /** Column letter, or "" to leave the field out. */
  setColumn: (field: PostField, column: string) => void;
  resetMapping: () => void;
}

const EMPTY: SourceChoice = { mapping: {} };

export function useSource(engine: PaneEngine, workbook: WorkbookGrids | undefined): SourceState {
  const [choice, setChoice] = useState<SourceChoice>(EMPTY);

  const view = useMemo(
    () => (workbook ? engine.inspectSource(workbook, choice) : undefined),
    [engine, workbook, choice]
  );

  // Overrides belong to one table's columns: choosing another table starts afresh.
  const chooseEstablishment = useCallback(
    (id: string) => setChoice({ establishment: id, mapping: {} }),
    []
  );
  const setColumn = useCallback(
    (field: PostField, column: string) =>
      setChoice((c) => ({ ...c, mapping: { ...c.mapping, [field]: column } })),
    []
  );
  const resetMapping = useCallback(() => setChoice((c) => ({ ...c, mapping: {} })), []);

  return { view, choice, chooseEstablishment, setColumn, resetMapping };
}
