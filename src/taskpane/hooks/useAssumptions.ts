import { useCallback, useMemo, useState } from "react";
import type { WorkbookGrids } from "../../core/workbook/types";
import type { AssumptionsView, NewScenario, Setting } from "../engine";
import type { PaneServices } from "../services";
import { plainError } from "./useWorkbook";

export type AssumptionsAccess =
  /** No assumptions sheet yet: the defaults apply until one is created. */
  | "missing"
  /** The add-in created the sheet: the form writes to it. */
  | "editable"
  /** The user's own sheet: shown, never written (the add-in only edits sheets it created). */
  | "read-only";

export interface AssumptionsState {
  view?: AssumptionsView;
  access: AssumptionsAccess;
  /** Per setting key (ADD_SCENARIO for a new scenario): why the last value typed was not written. */
  errors: Record<string, string>;
  /** Setting key being written, "create" while the sheet is being created, ADD_SCENARIO while a scenario is added. */
  busy?: string;
  createSheet: () => Promise<void>;
  /** Writes one setting to its cell; returns true when it was written. */
  save: (setting: Setting, input: string) => Promise<boolean>;
  /** The scenario added last, read back from the sheet: where its settings go. */
  added?: NewScenario;
  /** Writes a new scenario's heading (and nothing else); returns true when it was written. */
  addScenario: (name: string) => Promise<boolean>;
}

/** The errors and busy key of the "Add a scenario" form. */
export const ADD_SCENARIO = "add-scenario";

export function useAssumptions(
  services: PaneServices,
  workbook: WorkbookGrids | undefined,
  owned: string[],
  reload: () => Promise<WorkbookGrids>
): AssumptionsState {
  const { engine, port } = services;
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const [added, setAdded] = useState<NewScenario>();

  const view = useMemo(
    () => (workbook ? engine.inspectAssumptions(workbook) : undefined),
    [engine, workbook]
  );
  const sheet = view?.sheet;
  const access: AssumptionsAccess = !sheet
    ? "missing"
    : owned.includes(sheet)
      ? "editable"
      : "read-only";

  const setError = useCallback(
    (key: string, message?: string) =>
      setErrors((all) => {
        const next = { ...all };
        if (message) next[key] = message;
        else delete next[key];
        return next;
      }),
    []
  );

  const createSheet = useCallback(async () => {
    setBusy("create");
    try {
      await port.writeSheets([engine.defaultAssumptionsSheet()]);
      setError("create");
      await reload();
    } catch (e) {
      setError("create", plainError(e, "The assumptions sheet could not be created"));
    } finally {
      setBusy(undefined);
    }
  }, [engine, port, reload, setError]);

  const save = useCallback(
    async (setting: Setting, input: string) => {
      if (!sheet || access !== "editable" || !setting.address) return false;
      const parsed = engine.parseSetting(setting, input);
      if ("error" in parsed) {
        setError(setting.key, parsed.error);
        return false;
      }
      setBusy(setting.key);
      try {
        await port.updateOwnedCells(sheet, [{ address: setting.address, value: parsed.value }]);
        setError(setting.key);
        // Read back: what the form shows is what the sheet now says.
        await reload();
        return true;
      } catch (e) {
        setError(setting.key, plainError(e, `${setting.label} could not be saved`));
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [access, engine, port, reload, setError, sheet]
  );

  const addScenario = useCallback(
    async (name: string) => {
      if (!sheet || access !== "editable") return false;
      setAdded(undefined); // The last one's message is not this one's.
      setBusy(ADD_SCENARIO);
      try {
        // Placed on the sheet as it is now: a column typed in since the last read is not taken.
        const placed = engine.newScenario(await reload(), name);
        if ("error" in placed) {
          setError(ADD_SCENARIO, placed.error);
          return false;
        }
        // Only the heading: the scenario's settings are the user's to type in its column.
        await port.updateOwnedCells(sheet, [{ address: placed.address, value: placed.name }]);
        setError(ADD_SCENARIO);
        await reload();
        setAdded(placed);
        return true;
      } catch (e) {
        setError(ADD_SCENARIO, plainError(e, `The scenario '${name.trim()}' could not be added`));
        return false;
      } finally {
        setBusy(undefined);
      }
    },
    [access, engine, port, reload, setError, sheet]
  );

  return { view, access, errors, busy, createSheet, save, added, addScenario };
}
