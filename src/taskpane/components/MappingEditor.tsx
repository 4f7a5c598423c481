import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Button,
  Dropdown,
  Field,
  Option,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import type { FieldMapping, HeaderColumn } from "../engine";

const NOT_USED = "";

const useStyles = makeStyles({
  fields: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  dropdown: { minWidth: "0", width: "100%" },
  actions: { display: "flex", justifyContent: "flex-end" },
});

export interface MappingEditorProps<F extends string> {
  mapping: readonly FieldMapping<F>[];
  headers: readonly HeaderColumn[];
  onColumn: (field: F, column: string) => void;
  onReset: () => void;
}

/**
 * How each column of a table (the establishment, the localities) is read. The fields the
 * reader found come first, open; the others are one click away, so the list stays short
 * at task-pane width.
 */
export function MappingEditor<F extends string>({
  mapping,
  headers,
  onColumn,
  onReset,
}: MappingEditorProps<F>) {
  const styles = useStyles();
  const mapped = mapping.filter((m) => m.column !== undefined);
  const unmapped = mapping.filter((m) => m.column === undefined);
  const anyOverride = mapping.some((m) => m.overridden);

  const fieldList = (items: readonly FieldMapping<F>[]) => (
    <div className={styles.fields}>
      {items.map((m) => (
        <MappingField key={m.field} mapping={m} headers={headers} onColumn={onColumn} />
      ))}
    </div>
  );

  return (
    <div>
      <Accordion multiple collapsible defaultOpenItems={["mapped"]}>
        <AccordionItem value="mapped">
          <AccordionHeader as="h3">Columns read ({mapped.length})</AccordionHeader>
          <AccordionPanel>{fieldList(mapped)}</AccordionPanel>
        </AccordionItem>
        <AccordionItem value="unmapped">
          <AccordionHeader as="h3">Not found in the table ({unmapped.length})</AccordionHeader>
          <AccordionPanel>{fieldList(unmapped)}</AccordionPanel>
        </AccordionItem>
      </Accordion>
      {anyOverride && (
        <div className={styles.actions}>
          <Button appearance="secondary" onClick={onReset}>
            Go back to the columns found
          </Button>
        </div>
      )}
    </div>
  );
}

function columnText(headers: readonly HeaderColumn[], column: string | undefined): string {
  if (column === undefined || column === NOT_USED) return "Not used";
  const header = headers.find((h) => h.column === column);
  return header ? `${column}: ${header.header}` : `Column ${column}`;
}

function MappingField<F extends string>({
  mapping,
  headers,
  onColumn,
}: {
  mapping: FieldMapping<F>;
  headers: readonly HeaderColumn[];
  onColumn: (field: F, column: string) => void;
}) {
  const styles = useStyles();
  const selected = mapping.column ?? NOT_USED;
  const hint =
    mapping.column !== undefined && mapping.samples.length > 0
      ? `e.g. ${mapping.samples.join(", ")}`
      : mapping.description;
  return (
    <Field label={mapping.label + (mapping.overridden ? " (your choice)" : "")} hint={hint}>
      <Dropdown
        className={styles.dropdown}
        value={columnText(headers, mapping.column)}
        selectedOptions={[selected]}
        onOptionSelect={(_, data) => {
          if (data.optionValue !== undefined && data.optionValue !== selected)
            onColumn(mapping.field, data.optionValue);
        }}
      >
        <Option value={NOT_USED}>Not used</Option>
        {headers.map((h) => (
          <Option key={h.column} value={h.column}>
            {`${h.column}: ${h.header}`}
          </Option>
        ))}
      </Dropdown>
    </Field>
  );
}

/** Exposed for tests and the e2e scenario: the text a dropdown shows for a column. */
export { columnText };
