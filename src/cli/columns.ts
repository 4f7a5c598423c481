import { ESTABLISHMENT_SCHEMA, LOCALITIES_SCHEMA, normaliseLabel } from "../core/read";
import type { BuildRequest } from "../core/workbook/types";
import { UsageError } from "./files";

/** The tables whose columns --column maps, by the name a user writes before the dot. */
const TABLES = [
  { names: ["establishment", "estab"], schema: ESTABLISHMENT_SCHEMA, key: "mapping" },
  { names: ["localities", "locality"], schema: LOCALITIES_SCHEMA, key: "localityMapping" },
] as const;

type Mappings = Pick<BuildRequest, "mapping" | "localityMapping">;

/** A field by its name in the docs ("Population 0-19") or in the code ("population"). */
function fieldsNamed(name: string, tables: ReadonlyArray<(typeof TABLES)[number]>) {
  const wanted = normaliseLabel(name);
  return tables.flatMap((table) =>
    table.schema.fields
      .filter((f) => normaliseLabel(f.label) === wanted || normaliseLabel(f.field) === wanted)
      .map((f) => ({ table, field: f.field as string, label: f.label }))
  );
}

/**
 * `--column` values ("Demand=Referrals 2023/24", "localities.Population 0-19=C",
 * "establishment.FTE=") as the build's column mappings: the field, optionally after its
 * table, then the header text or column letter to read it from; nothing after "=" means
 * "do not read this field". Anything unclear is a usage error that says what to write.
 */
export function parseColumns(values: readonly string[] | undefined): Mappings {
  const out: { mapping?: Record<string, string>; localityMapping?: Record<string, string> } = {};
  for (const value of values ?? []) {
    const eq = value.indexOf("=");
    if (eq <= 0)
      throw new UsageError(
        `--column takes field=header, e.g. --column "Demand=Referrals 2023/24" or --column FTE=E; got '${value}'.`
      );
    let name = value.slice(0, eq).trim();
    let tables: ReadonlyArray<(typeof TABLES)[number]> = TABLES;
    const dot = name.indexOf(".");
    const prefix = dot > 0 ? normaliseLabel(name.slice(0, dot)) : "";
    const table = TABLES.find((t) => (t.names as readonly string[]).includes(prefix));
    if (table) {
      tables = [table];
      name = name.slice(dot + 1).trim();
    }
    const found = fieldsNamed(name, tables);
    if (found.length === 0)
      throw new UsageError(
        `--column: '${name}' is not a column of ${tables.length === 1 ? `the ${tables[0].schema.name} table` : "the establishment or the localities table"}. Columns: ${tables
          .map((t) => `${t.names[0]}: ${t.schema.fields.map((f) => f.label).join(", ")}`)
          .join("; ")}.`
      );
    if (found.length > 1)
      throw new UsageError(
        `--column: '${name}' is a column of both ${found.map((f) => `the ${f.table.schema.name}`).join(" and ")} table; write ${found.map((f) => `${f.table.names[0]}.${f.label}`).join(" or ")}.`
      );
    const { table: t, field } = found[0];
    const mapping = (out[t.key] ??= {});
    mapping[field] = value.slice(eq + 1).trim();
  }
  return out as Mappings;
}
