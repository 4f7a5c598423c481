import { createRoot } from "react-dom/client";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { App } from "./App";

/** Office.js is absent (or reports no host) when the page is opened in a plain browser. */
async function detectHost(): Promise<"excel" | "preview"> {
  if (typeof Office === "undefined") return "preview";
  const info = await Office.onReady();
  return info.host === Office.HostType.Excel ? "excel" : "preview";
}

void detectHost().then((host) => {
  const container = document.getElementById("container");
  if (!container) return;
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <App host={host} />
    </FluentProvider>
  );
});
