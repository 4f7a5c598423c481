import { Body1, Link, Title3, makeStyles, tokens } from "@fluentui/react-components";

const useStyles = makeStyles({
  root: {
    padding: tokens.spacingHorizontalL,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
  },
});

/** The production page opened outside Excel: say what it is and where to try it. */
export function NotInOffice() {
  const styles = useStyles();
  return (
    <main className={styles.root}>
      <Title3 as="h1">Establishment Costing</Title3>
      <Body1>
        This is an Excel add-in: open it from the Home tab in Excel. To try it without Excel, run{" "}
        <code>npm run preview</code> in the project and open the page it serves.
      </Body1>
      <Body1>
        <Link href="https://learn.microsoft.com/office/dev/add-ins/testing/sideload-office-add-ins-for-testing">
          How to add it to Excel
        </Link>
      </Body1>
    </main>
  );
}
