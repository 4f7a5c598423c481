/**
 * The few Open Packaging (zip of XML parts) operations the chart writers need on a saved
 * workbook: a sheet's part by its name, relationships, content types, and where
 * `<drawing>` goes in a worksheet. Plain string work on XML ExcelJS or Excel wrote.
 */
import type JSZip from "jszip";

export const REL_TYPE = {
  drawing: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing",
  chart: "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart",
};

export function escapeXml(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

export function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:]+)="([^"]*)"/g)) out.set(m[1], unescapeXml(m[2]));
  return out;
}

export function relationships(xml: string): Array<Map<string, string>> {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributes(m[0]));
}

export const relsPathOf = (part: string): string => part.replace(/([^/]+)$/, "_rels/$1.rels");
export const folderOf = (part: string): string => part.slice(0, part.lastIndexOf("/") + 1);

/** A relationship's target as a zip path, from the part it belongs to. */
export function resolve(fromPart: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const out = folderOf(fromPart).split("/").filter(Boolean);
  for (const piece of target.split("/")) {
    if (piece === "..") out.pop();
    else if (piece !== "." && piece !== "") out.push(piece);
  }
  return out.join("/");
}

/** The target of `toPart` as a relationship of `fromPart` writes it ("../drawings/drawing1.xml"). */
export function relativeTarget(fromPart: string, toPart: string): string {
  const from = folderOf(fromPart).split("/").filter(Boolean);
  const to = toPart.split("/");
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => ".."), ...to.slice(common)].join("/");
}

/** Sheet name → its part ("xl/worksheets/sheet2.xml"), from the workbook and its rels. */
export async function sheetPartsOf(zip: JSZip): Promise<Map<string, string>> {
  const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
  const rels = (await zip.file("xl/_rels/workbook.xml.rels")?.async("string")) ?? "";
  const targets = new Map(
    relationships(rels).map((r) => [
      r.get("Id") ?? "",
      resolve("xl/workbook.xml", r.get("Target") ?? ""),
    ])
  );
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const a = attributes(m[0]);
    const part = targets.get(a.get("r:id") ?? "");
    if (part) parts.set(a.get("name") ?? "", part);
  }
  return parts;
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export function relsXml(rels: ReadonlyArray<{ id: string; type: string; target: string }>): string {
  const items = rels
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** Adds a relationship to a rels file's XML (or a new one), with an id not yet in it. */
export function addRelationship(
  rels: string | undefined,
  type: string,
  target: string
): { xml: string; id: string } {
  const xml = rels ?? relsXml([]);
  let n = 1;
  while (xml.includes(`Id="rIdChart${n}"`)) n++;
  const id = `rIdChart${n}`;
  const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
  return { xml: xml.replace(/<\/Relationships>\s*$/, `${rel}</Relationships>`), id };
}

/** [Content_Types].xml with overrides for new parts, before its closing tag. */
export function withOverrides(
  contentTypes: string,
  overrides: ReadonlyMap<string, string>
): string {
  const added = [...overrides]
    .map(([part, type]) => `<Override PartName="${escapeXml(part)}" ContentType="${type}"/>`)
    .join("");
  return contentTypes.replace(/<\/Types>\s*$/, `${added}</Types>`);
}

/**
 * The elements a worksheet may have after `<drawing>` (CT_Worksheet's sequence): the
 * drawing goes before the first of these in the sheet, else before the closing tag.
 */
const AFTER_DRAWING = [
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** The sheet XML with `<drawing r:id>` in its place. */
export function withDrawingElement(sheetXml: string, rId: string): string {
  const element = `<drawing r:id="${rId}"/>`;
  let at = -1;
  for (const tag of AFTER_DRAWING) {
    const i = sheetXml.search(new RegExp(`<${tag}[\\s/>]`));
    if (i >= 0 && (at < 0 || i < at)) at = i;
  }
  if (at < 0) at = sheetXml.lastIndexOf("</worksheet>");
  return sheetXml.slice(0, at) + element + sheetXml.slice(at);
}

/** Gives a sheet of the saved zip a relationship to `drawing` and its `<drawing>` element. */
export async function attachDrawing(zip: JSZip, sheet: string, drawing: string): Promise<void> {
  const sheetXml = (await zip.file(sheet)?.async("string")) ?? "";
  const relsPath = relsPathOf(sheet);
  const rel = addRelationship(
    await zip.file(relsPath)?.async("string"),
    REL_TYPE.drawing,
    relativeTarget(sheet, drawing)
  );
  zip.file(relsPath, rel.xml);
  zip.file(sheet, withDrawingElement(sheetXml, rel.id));
}
