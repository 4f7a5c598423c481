import {
  Button,
  Caption1,
  MessageBar,
  MessageBarBody,
  Spinner,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import exampleUrl from "../../../examples/childrens-services.xlsx";
import { App } from "../App";
import type { PaneEngine } from "../engine";
import { plainError } from "../hooks/useWorkbook";
import { ServicesProvider, type PaneServices } from "../services";
import { SheetsView } from "./SheetsView";
import type { PreviewSheet, XlsxWorkbookPort } from "./xlsx-port";

const EXAMPLE_NAME = "childrens-services.xlsx";

const useStyles = makeStyles({
  toolbar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
  },
  fileName: { flexBasis: "100%", overflowWrap: "anywhere" },
  hidden: { display: "none" },
});

async function fetchExample(): Promise<ArrayBuffer> {
  const response = await fetch(exampleUrl);
  if (!response.ok) throw new Error(`the server answered ${response.status}`);
  return response.arrayBuffer();
}

/** ExcelJS is large: it is fetched only here, in its own chunk, never in Excel. */
let xlsxPort: Promise<typeof import("./xlsx-port")> | undefined;
const loadXlsxPort = () => (xlsxPort ??= import(/* webpackChunkName: "xlsx" */ "./xlsx-port"));

async function openWorkbook(data: ArrayBuffer, name: string): Promise<XlsxWorkbookPort> {
  const { XlsxWorkbookPort } = await loadXlsxPort();
  return XlsxWorkbookPort.open(data, name);
}

export interface PreviewAppProps {
  engine: PaneEngine;
  version: string;
}

/**
 * The task pane outside Office: the same App over an in-memory workbook (the bundled
 * example, or any .xlsx the user opens), plus a Sheets tab standing in for Excel's grid.
 */
export function PreviewApp({ engine, version }: PreviewAppProps) {
  const styles = useStyles();
  // Each opened workbook gets a new id: a new pane, with no state from the last one.
  const [opened, setOpened] = useState<{ port: XlsxWorkbookPort; id: number }>();
  const port = opened?.port;
  const [loading, setLoading] = useState<string | undefined>(EXAMPLE_NAME);
  const [error, setError] = useState<string>();
  const [tab, setTab] = useState("source");
  const [selection, setSelection] = useState<{ sheet: string; address: string }>();
  // Bumped on every write, so the Sheets view reads the workbook again.
  const [changes, setChanges] = useState(0);
  const sheets = useMemo<PreviewSheet[]>(
    () => (port && changes >= 0 ? port.sheets() : []),
    [port, changes]
  );
  const fileInput = useRef<HTMLInputElement>(null);

  // State is set only after the first await, so the first load can run from an effect.
  const finishOpen = useCallback(async (load: () => Promise<ArrayBuffer>, name: string) => {
    try {
      const next = await openWorkbook(await load(), name);
      setSelection(undefined);
      setTab("source");
      setOpened((o) => ({ port: next, id: (o?.id ?? 0) + 1 }));
    } catch (e) {
      // The reader's refusals are sentences for the user already, the same the CLI prints
      // (matched by name: the class lives in the lazily loaded workbook code).
      setError(
        e instanceof Error && e.name === "WorkbookRefused"
          ? e.message
          : plainError(e, `${name} could not be opened as an Excel workbook`)
      );
    } finally {
      setLoading(undefined);
    }
  }, []);

  const open = useCallback(
    (load: () => Promise<ArrayBuffer>, name: string) => {
      setLoading(name);
      setError(undefined);
      return finishOpen(load, name);
    },
    [finishOpen]
  );

  // The first workbook: state changes only in the promise's callbacks.
  useEffect(() => {
    // ExcelJS and the example download side by side: the first render waits for both.
    // Marks for docs/performance.md (the e2e test reads them).
    performance.mark("estab:preview-started");
    Promise.all([loadXlsxPort(), fetchExample()])
      .then(([, data]) => {
        performance.mark("estab:exceljs-and-example-loaded");
        return openWorkbook(data, EXAMPLE_NAME);
      })
      .then((next) => {
        performance.mark("estab:workbook-opened");
        return next;
      })
      .then(
        (next) => setOpened((o) => o ?? { port: next, id: 1 }),
        (e: unknown) => setError(plainError(e, `${EXAMPLE_NAME} could not be opened`))
      )
      .finally(() => setLoading(undefined));
  }, []);

  useEffect(() => {
    if (!port) return;
    return port.subscribe((e) => {
      if (e.type === "changed") setChanges((n) => n + 1);
      else {
        setSelection({ sheet: e.sheet, address: e.address });
        setTab("sheets");
      }
    });
  }, [port]);

  const download = useCallback(async () => {
    if (!port) return;
    const bytes = await port.save();
    const blob = new Blob([bytes as BlobPart], {
      type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    });
    const url = URL.createObjectURL(blob);
    const a = document.createElement("a");
    a.href = url;
    a.download = port.fileName.replace(/\.xlsx$/i, "") + "-costed.xlsx";
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }, [port]);

  const services = useMemo<PaneServices | undefined>(
    () => (port ? { port, engine, now: () => new Date(), version } : undefined),
    [port, engine, version]
  );

  const toolbar = (
    <div className={styles.toolbar}>
      <Caption1 className={styles.fileName} aria-live="polite">
        {loading ? `Opening ${loading}…` : port ? `Workbook: ${port.fileName}` : "No workbook open"}
      </Caption1>
      <input
        ref={fileInput}
        className={styles.hidden}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label="Open an Excel workbook"
        data-testid="open-workbook"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) void open(() => file.arrayBuffer(), file.name);
        }}
      />
      <Button
        size="small"
        onClick={() => fileInput.current?.click()}
        disabled={loading !== undefined}
      >
        Open a workbook…
      </Button>
      <Button
        size="small"
        onClick={() => void open(fetchExample, EXAMPLE_NAME)}
        disabled={loading !== undefined}
      >
        Load the example
      </Button>
      <Button
        size="small"
        onClick={() => void download()}
        disabled={!port || loading !== undefined}
      >
        Download .xlsx
      </Button>
    </div>
  );

  if (!services) {
    return (
      <main style={{ padding: tokens.spacingHorizontalM }}>
        {toolbar}
        {error ? (
          <MessageBar intent="error">
            <MessageBarBody>{error}</MessageBarBody>
          </MessageBar>
        ) : (
          <Spinner label="Opening the example workbook…" />
        )}
      </main>
    );
  }

  return (
    <ServicesProvider services={services}>
      <App
        key={opened?.id}
        host="preview"
        toolbar={
          <>
            {toolbar}
            {error && (
              <MessageBar intent="error">
                <MessageBarBody>{error}</MessageBarBody>
              </MessageBar>
            )}
          </>
        }
        extraTabs={[
          {
            value: "sheets",
            label: "Sheets",
            content: <SheetsView sheets={sheets} selection={selection} />,
          },
        ]}
        tab={tab}
        onTabChange={setTab}
      />
    </ServicesProvider>
  );
}
