import { createContext, useContext, type ReactNode } from "react";
import type { SheetSpec } from "../core/report";
import type { WorkbookPort, WriteOutcome } from "../core/workbook/port";
import type { PaneEngine } from "./engine";

/**
 * The WorkbookPort, whose writeSheets may also take the output mode: the Excel adapter
 * needs it to write live ESTAB formulas (src/excel WriteSheetsOptions). A port without
 * the option (the preview's, a test fake) fits too and writes shareable sheets.
 */
export type PanePort = Omit<WorkbookPort, "writeSheets"> & {
  writeSheets(specs: SheetSpec[], options?: { mode?: "shareable" | "live" }): Promise<WriteOutcome>;
};

/** Everything outside React the pane depends on; tests pass fakes. */
export interface PaneServices {
  port: PanePort;
  engine: PaneEngine;
  /** For the provenance line; a function so tests can fix the clock. */
  now: () => Date;
  version: string;
}

const ServicesContext = createContext<PaneServices | undefined>(undefined);

export function ServicesProvider({
  services,
  children,
}: {
  services: PaneServices;
  children: ReactNode;
}) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): PaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices needs a ServicesProvider above it");
  return services;
}
