import { FluentProvider, webDarkTheme, webLightTheme } from "@fluentui/react-components";
import { useState, type ComponentType, type ReactNode } from "react";
import { createRoot } from "react-dom/client";
import pkg from "../../package.json";
import { buildWorkbook } from "../core/workbook/build";
import { createExcelWorkbook } from "../excel";
import { App } from "./App";
import { createCoreEngine } from "./core-engine";
import type { PreviewAppProps } from "./preview/PreviewApp";
import { ServicesProvider, type PaneServices } from "./services";
import { NotInOffice } from "./NotInOffice";
import { themeFromBackground, usePrefersColorScheme, type ThemeName } from "./theme";

/** Office.js is absent (or reports no host) when the page is opened in a plain browser. */
async function detectHost(): Promise<"excel" | "preview"> {
  if (typeof Office === "undefined") return "preview";
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? "excel" : "preview";
}

const engine = createCoreEngine({
  build: buildWorkbook,
  today: () => new Date(),
  version: pkg.version,
});

/** Excel's theme, read once: Office gives its colours, not a name (see theme.ts). */
function officeTheme(): ThemeName {
  try {
    return themeFromBackground(Office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return "light"; // hosts without the theme API
  }
}

function Themed({ theme, children }: { theme: ThemeName; children: ReactNode }) {
  return (
    <FluentProvider
      theme={theme === "dark" ? webDarkTheme : webLightTheme}
      style={{ minHeight: "100vh" }}
    >
      {children}
    </FluentProvider>
  );
}

function ExcelPane() {
  // Made once: a new port on every render would make the pane read the workbook again.
  const [services] = useState<PaneServices>(() => ({
    port: createExcelWorkbook(Excel.run),
    engine,
    now: () => new Date(),
    version: pkg.version,
  }));
  return (
    <Themed theme={officeTheme()}>
      <ServicesProvider services={services}>
        <App host="excel" />
      </ServicesProvider>
    </Themed>
  );
}

/** The browser follows the system's light or dark setting, and its changes. */
function BrowserPane({ Preview }: { Preview?: ComponentType<PreviewAppProps> }) {
  const theme = usePrefersColorScheme();
  return (
    <Themed theme={theme}>
      {Preview ? <Preview engine={engine} version={pkg.version} /> : <NotInOffice />}
    </Themed>
  );
}

void detectHost().then(async (host) => {
  const container = document.getElementById("container");
  if (!container) return;
  document.body.style.margin = "0";
  const root = createRoot(container);
  if (host === "excel") {
    root.render(<ExcelPane />);
    return;
  }
  // The preview (and ExcelJS behind it) exists only in the preview build: the production
  // bundle Excel loads carries none of it.
  if (__PREVIEW__) {
    const { PreviewApp } = await import(/* webpackChunkName: "preview" */ "./preview/PreviewApp");
    root.render(<BrowserPane Preview={PreviewApp} />);
  } else {
    root.render(<BrowserPane />);
  }
});
