import { useCallback, useMemo, useState } from "react";
import type { WorkbookGrids } from "../../core/workbook/types";
import type { MappedFields, MappedTable, PaneEngine, SourceChoice, SourceView } from "../engine";

export interface SourceState {
  view?: SourceView;
  choice: SourceChoice;
  chooseEstablishment: (id: string) => void;
  /** A restructure's two lists, by candidate id. */
  chooseStructures: (current: string, proposed: string) => void;
  /** Reads `field` of `table` from the column letter given, or "" to leave the field out. */
  setColumn: <T extends MappedTable>(table: T, field: MappedFields[T], column: string) => void;
  /** Back to the columns the reader found, for that table. */
  resetMapping: (table: MappedTable) => void;
}

const EMPTY: SourceChoice = { mapping: {}, localityMapping: {} };

/** Where each table's overrides live in the choice (and so in the build request). */
const OVERRIDES = {
  establishment: "mapping",
  localities: "localityMapping",
} as const satisfies Record<MappedTable, keyof SourceChoice>;

export function useSource(engine: PaneEngine, workbook: WorkbookGrids | undefined): SourceState {
  const [choice, setChoice] = useState<SourceChoice>(EMPTY);

  const view = useMemo(
    () => (workbook ? engine.inspectSource(workbook, choice) : undefined),
    [engine, workbook, choice]
  );

  // Overrides belong to one table's columns: choosing another establishment starts its
  // mapping afresh (the localities' stays, it is another table).
  const chooseEstablishment = useCallback(
    (id: string) =>
      setChoice((c) => ({
        ...c,
        establishment: id,
        current: undefined,
        proposed: undefined,
        mapping: {},
      })),
    []
  );
  // Both lists are named together: one named alone would leave the other to be guessed.
  const chooseStructures = useCallback(
    (current: string, proposed: string) =>
      setChoice((c) => ({ ...c, establishment: undefined, current, proposed, mapping: {} })),
    []
  );
  const setColumn = useCallback(
    <T extends MappedTable>(table: T, field: MappedFields[T], column: string) =>
      setChoice((c) => {
        const key = OVERRIDES[table];
        return { ...c, [key]: { ...c[key], [field]: column } };
      }),
    []
  );
  const resetMapping = useCallback(
    (table: MappedTable) => setChoice((c) => ({ ...c, [OVERRIDES[table]]: {} })),
    []
  );

  return { view, choice, chooseEstablishment, chooseStructures, setColumn, resetMapping };
}
