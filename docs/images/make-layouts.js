#!/usr/bin/env node
// The two layouts of a restructure that docs/input-format.md pictures: one table (Current FTE
// and Proposed FTE side by side) and two lists (a "Current structure" and a "Proposed
// structure" sheet). Writes one small workbook per picture, each with the one sheet to show.
// Regenerate the pictures with LibreOffice (soffice) and poppler (pdftoppm) installed:
//   node docs/images/make-layouts.js [folder]   (workbooks there, PNGs in docs/images)
// Each workbook is printed to PDF by LibreOffice, and its first page drawn as a PNG cropped
// to the cells (headless LibreOffice builds often have no PNG export of their own).
const path = require("node:path");
const fs = require("node:fs");
const { execFileSync } = require("node:child_process");
const ExcelJS = require("exceljs");

const money = "£#,##0";

/** One sheet: a title, the header row in bold on grey, the posts, money columns as £. */
function sheetBook(name, title, header, rows, moneyColumns) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(name);
  ws.addRow([title]).font = { bold: true, size: 13 };
  ws.addRow([]);
  const h = ws.addRow(header);
  h.font = { bold: true };
  h.height = 32;
  h.eachCell((c) => {
    c.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFD9E1F2" } };
    c.border = { bottom: { style: "thin" } };
  });
  for (const r of rows)
    ws.addRow(r).eachCell({ includeEmpty: true }, (c, i) => {
      if (i <= header.length) c.border = { bottom: { style: "hair", color: { argb: "FFBFBFBF" } } };
    });
  header.forEach((text, i) => {
    const col = ws.getColumn(i + 1);
    const longest = Math.max(...rows.map((r) => String(r[i] ?? "").length));
    col.width = Math.max(9, Math.min(14, text.length + 2), longest + 3);
    if (moneyColumns.includes(text)) col.numFmt = money;
    if (/rate/i.test(text)) col.numFmt = "£0.00";
    if (/FTE/.test(text)) col.alignment = { horizontal: "center" };
  });
  // After the columns' own alignment, which would otherwise override the header's.
  h.eachCell((c) => (c.alignment = { wrapText: true, vertical: "top" }));
  ws.pageSetup = { orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 1 };
  return wb;
}

const oneTable = sheetBook(
  "Establishment",
  "Children's Services: restructure (one table)",
  [
    "Post ID",
    "Position",
    "Grade",
    "Team",
    "Salary",
    "Current FTE",
    "Proposed FTE",
    "Contract type",
    "Proposed contract type",
    "Proposed salary",
    "Agency hourly rate",
  ],
  [
    ["P2", "Senior Practitioner", "SS10", "North", 40000, 1, 0, "Permanent", "", "", ""],
    ["P3", "Social Worker", "SS09", "North", 36000, 3, 4, "Permanent", "", "", ""],
    ["P5", "Social Worker", "SS09", "North", 36000, 1, 1, "Agency", "Permanent", 38000, 35],
    ["P7", "Practice Lead", "SS12", "North", 48000, "", 1, "Permanent", "", "", ""],
    ["P8", "Team Manager", "SS11", "North", 45000, 1, "", "Permanent", "", "", ""],
  ],
  ["Salary", "Proposed salary"]
);

const current = sheetBook(
  "Current structure",
  "Children's Services: current structure",
  ["Post ID", "Position", "Grade", "Team", "Salary", "FTE", "Contract type", "Agency hourly rate"],
  [
    ["P2", "Senior Practitioner", "SS10", "North", 40000, 1, "Permanent", ""],
    ["P3", "Social Worker", "SS09", "North", 36000, 3, "Permanent", ""],
    ["P5", "Social Worker", "SS09", "North", 36000, 1, "Agency", 35],
    ["P8", "Team Manager", "SS11", "North", 45000, 1, "Permanent", ""],
  ],
  ["Salary"]
);

const proposed = sheetBook(
  "Proposed structure",
  "Children's Services: proposed structure",
  ["Position", "Post ID", "FTE", "Team", "Grade", "Contract type", "Salary"],
  [
    ["Social Worker", "P3", 4, "North", "SS09", "Permanent", 36000],
    ["Social Worker", "P5", 1, "North", "SS09", "Permanent", 38000],
    ["Practice Lead", "P7", 1, "North", "SS12", "Permanent", 48000],
    ["Team Manager", "P8", 1, "North", "SS11", "Permanent", 45000],
  ],
  ["Salary"]
);

const out = process.argv[2] ?? path.join(process.cwd(), "layouts");
fs.mkdirSync(out, { recursive: true });
const books = {
  "restructure-one-table": oneTable,
  "restructure-current-structure": current,
  "restructure-proposed-structure": proposed,
};
/** The cells' bounding box in a greyscale PGM (P5) picture: where the page is not white. */
function inkBox(pgm) {
  const [, w, h] = pgm
    .toString("latin1", 0, 40)
    .match(/^P5\s+(\d+)\s+(\d+)\s+255\s/)
    .map(Number);
  const data = pgm.subarray(pgm.length - w * h);
  let [x0, y0, x1, y1] = [w, h, 0, 0];
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      if (data[y * w + x] < 250)
        [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  return { x: Math.max(0, x0 - 12), y: Math.max(0, y0 - 12), w: x1 - x0 + 25, h: y1 - y0 + 25 };
}

function render(name) {
  const profile = `-env:UserInstallation=file://${path.join(out, ".lo-profile")}`;
  execFileSync("soffice", [
    profile,
    "--headless",
    "--convert-to",
    "pdf",
    "--outdir",
    out,
    path.join(out, `${name}.xlsx`),
  ]);
  const pdf = path.join(out, `${name}.pdf`);
  const box = inkBox(
    execFileSync("pdftoppm", ["-gray", "-r", "110", "-f", "1", "-l", "1", "-singlefile", pdf], {
      maxBuffer: 1 << 26,
    })
  );
  const png = path.join(__dirname, name);
  execFileSync(
    "pdftoppm",
    [
      "-png",
      "-r",
      "110",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      "-x",
      box.x,
      "-y",
      box.y,
      "-W",
      box.w,
      "-H",
      box.h,
      pdf,
      png,
    ].map(String)
  );
  console.log(`Wrote ${path.relative(process.cwd(), png)}.png`);
}

Promise.all(
  Object.entries(books).map(([name, wb]) => wb.xlsx.writeFile(path.join(out, `${name}.xlsx`)))
)
  .then(() => Object.keys(books).forEach(render))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
