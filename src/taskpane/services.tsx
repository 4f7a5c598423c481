import { createContext, useContext, type ReactNode } from "react";
import type { WorkbookPort } from "../core/workbook/port";
import type { PaneEngine } from "./engine";

/** Everything outside React the pane depends on; tests pass fakes. */
export interface PaneServices {
  port: WorkbookPort;
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
