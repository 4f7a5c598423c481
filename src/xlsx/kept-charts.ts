import JSZip from "jszip";
import {
  REL_TYPE,
  attachDrawing,
  attributes,
  folderOf,
  relationships,
  relsPathOf,
  resolve,
  sheetPartsOf,
} from "./package-parts";

/**
 * Charts kept through ExcelJS, which drops them when it loads a file: `loadWorkbook`
 * takes each sheet's drawing (when it holds a chart) and every part it leads to (charts,
 * their style and colour parts …) exactly as they are in the file, and `saveWorkbook`
 * puts them back, renamed to free part names, for each sheet still in the workbook that
 * was not written again (a sheet writeSheetSpecs writes gets its new charts instead). So
 * `estab share` keeps the charts of the live file, and `estab build --live` the charts a
 * user drew on their own sheets.
 *
 * A sheet whose drawing also holds pictures is not kept this way: ExcelJS writes its own
 * drawing for the pictures, and two drawings cannot share a sheet.
 */
export interface KeptDrawing {
  /** Path in the source zip of the drawing part. */
  drawing: string;
  /** Every part the drawing leads to, by source path, with the drawing itself. */
  parts: Map<string, Uint8Array>;
  /** Rels files of those parts, by the source path of the part they belong to. */
  rels: Map<string, string>;
  /** Content type of each part, by source path. */
  types: Map<string, string>;
}

async function contentTypesOf(zip: JSZip): Promise<(part: string) => string | undefined> {
  const xml = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const overrides = new Map<string, string>();
  const defaults = new Map<string, string>();
  for (const m of xml.matchAll(/<(Override|Default)\b[^>]*>/g)) {
    const a = attributes(m[0]);
    if (m[1] === "Override")
      overrides.set((a.get("PartName") ?? "").replace(/^\//, ""), a.get("ContentType") ?? "");
    else defaults.set((a.get("Extension") ?? "").toLowerCase(), a.get("ContentType") ?? "");
  }
  return (part) => overrides.get(part) ?? defaults.get(part.split(".").pop()?.toLowerCase() ?? "");
}

function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = bytes.indexOf(first); i >= 0; i = bytes.indexOf(first, i + 1)) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** The drawings with charts of a file's sheets, by sheet name; empty when it has no chart. */
export async function keptDrawings(bytes: Uint8Array): Promise<Map<string, KeptDrawing>> {
  const kept = new Map<string, KeptDrawing>();
  // Part names are stored as they are in a zip: a file with no chart part is passed over
  // without unzipping it a second time (the reader already has).
  if (!containsAscii(bytes, "xl/charts/")) return kept;
  const zip = await JSZip.loadAsync(bytes);
  const typeOf = await contentTypesOf(zip);
  for (const [name, sheet] of await sheetPartsOf(zip)) {
    const sheetRels = (await zip.file(relsPathOf(sheet))?.async("string")) ?? "";
    const rel = relationships(sheetRels).find((r) => r.get("Type") === REL_TYPE.drawing);
    if (!rel) continue;
    const drawing: KeptDrawing = {
      drawing: resolve(sheet, rel.get("Target") ?? ""),
      parts: new Map(),
      rels: new Map(),
      types: new Map(),
    };
    const queue = [drawing.drawing];
    let pictures = false;
    while (queue.length > 0) {
      const part = queue.shift() as string;
      const file = zip.file(part);
      if (!file || drawing.parts.has(part)) continue;
      drawing.parts.set(part, await file.async("uint8array"));
      drawing.types.set(part, typeOf(part) ?? "application/xml");
      const rels = await zip.file(relsPathOf(part))?.async("string");
      if (!rels) continue;
      drawing.rels.set(part, rels);
      for (const r of relationships(rels)) {
        if (r.get("TargetMode") === "External") continue;
        if (part === drawing.drawing && r.get("Type")?.endsWith("/image")) pictures = true;
        queue.push(resolve(part, r.get("Target") ?? ""));
      }
    }
    const hasChart = [...drawing.parts.keys()].some((p) => p.startsWith("xl/charts/chart"));
    if (hasChart && !pictures) kept.set(name, drawing);
  }
  return kept;
}

/** A free path like `part` in `zip` (same folder and extension, the stem numbered anew). */
function freePath(zip: JSZip, part: string, taken: Set<string>): string {
  const folder = folderOf(part);
  const file = part.slice(folder.length);
  const dot = file.lastIndexOf(".");
  const stem = file.slice(0, dot).replace(/\d+$/, "");
  const ext = file.slice(dot);
  for (let n = 1; ; n++) {
    const candidate = `${folder}${stem}${n}${ext}`;
    if (!zip.file(candidate) && !taken.has(candidate)) return candidate;
  }
}

/** Each target of a rels file pointed at the renamed part (same folder, new name). */
function renamedRels(rels: string, fromPart: string, renamed: Map<string, string>): string {
  return rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
    const a = attributes(tag);
    const target = a.get("Target") ?? "";
    const to =
      a.get("TargetMode") === "External" ? undefined : renamed.get(resolve(fromPart, target));
    if (!to) return tag;
    const name = to.slice(folderOf(to).length);
    const newTarget = target.replace(/[^/]+$/, name);
    return tag.replace(/Target="[^"]*"/, `Target="${newTarget.replace(/&/g, "&amp;")}"`);
  });
}

/**
 * Puts the kept drawings back into saved bytes, for the sheets named (which must be in
 * the file and have no drawing of their own). Returns the content-type overrides to add.
 */
export async function restoreDrawings(
  zip: JSZip,
  sheets: ReadonlyMap<string, KeptDrawing>
): Promise<Map<string, string>> {
  const overrides = new Map<string, string>();
  const parts = await sheetPartsOf(zip);
  for (const [name, kept] of sheets) {
    const sheet = parts.get(name);
    const sheetXml = sheet && (await zip.file(sheet)?.async("string"));
    if (!sheet || !sheetXml || /<drawing[\s/>]/.test(sheetXml)) continue;
    const renamed = new Map<string, string>();
    const taken = new Set<string>();
    for (const part of kept.parts.keys()) {
      const to = freePath(zip, part, taken);
      taken.add(to);
      renamed.set(part, to);
    }
    for (const [part, data] of kept.parts) {
      const to = renamed.get(part) as string;
      zip.file(to, data);
      overrides.set(`/${to}`, kept.types.get(part) ?? "application/xml");
      const rels = kept.rels.get(part);
      if (rels) zip.file(relsPathOf(to), renamedRels(rels, part, renamed));
    }
    await attachDrawing(zip, sheet, renamed.get(kept.drawing) as string);
  }
  return overrides;
}

// ----------------------------------------- the drawings each loaded workbook had

const kept = new WeakMap<object, Map<string, KeptDrawing>>();

/** Remembers the drawings with charts of the file `wb` was loaded from. */
export function keepDrawings(wb: object, drawings: Map<string, KeptDrawing>): void {
  if (drawings.size > 0) kept.set(wb, drawings);
}

/** The kept drawings of `wb`'s sheets, by sheet name. */
export function keptDrawingsOf(wb: object): ReadonlyMap<string, KeptDrawing> {
  return kept.get(wb) ?? new Map();
}
