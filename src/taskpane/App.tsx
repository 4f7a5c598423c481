import { Body1, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

export interface AppProps {
  /** "excel" inside Excel; "preview" in a plain browser. */
  host: "excel" | "preview";
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">Establishment Costing</Title3>
      <Body1>
        {host === "excel" ? "Connected to Excel." : "Browser preview: no Excel on this page."}
      </Body1>
    </main>
  );
}
