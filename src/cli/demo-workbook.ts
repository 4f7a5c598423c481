import ExcelJS from "exceljs";
import { NUMBER_FORMATS } from "../core/report";

/**
 * The demo workbook (examples/childrens-services.xlsx): a children's services
 * establishment laid out the way real ones arrive in finance: title rows above the
 * header, money sometimes typed as "£" text, blank spacer rows between teams, a TOTAL
 * row, a grant-funded team with start and end dates, current and proposed FTE side by
 * side, an Assumptions sheet and a Localities table. Invented numbers throughout.
 *
 * Generated, never hand-edited: `npm run build:cli && node examples/make-example.js`.
 */

/** Fixed so two runs give the same workbook content. */
const GENERATED = new Date(Date.UTC(2025, 2, 1));

/** A calendar date as ExcelJS wants it for a date cell (UTC midnight of that day). */
export function excelDate(day: number, month: number, year: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

interface GradeBand {
  min: number;
  max: number;
}

const GRADES: Record<string, GradeBand> = {
  SS03: { min: 24027, max: 24790 },
  SS05: { min: 25584, max: 26835 },
  SS08: { min: 29540, max: 32654 },
  SS09: { min: 33366, max: 35235 },
  SS11: { min: 36363, max: 39862 },
  SS12: { min: 40476, max: 43693 },
  SS13: { min: 44711, max: 47754 },
  SS14: { min: 48710, max: 52805 },
  SS16: { min: 56180, max: 61235 },
  SS18: { min: 68420, max: 74560 },
};

type Cell = ExcelJS.CellValue;

interface DemoPost {
  id: string;
  title: string;
  team: string;
  grade: string;
  currentFte: number;
  proposedFte: number;
  staff: number;
  contract: string;
  proposedContract?: string;
  proposedGrade?: string;
  /** Salary in the new grade, for regraded posts (the row's min/max are the old grade's). */
  proposedSalary?: number;
  funding?: string;
  start?: Cell;
  end?: Cell;
  hours?: number;
  agencyRate?: number;
  management?: boolean;
  /** Salaries typed as text, as they often are in pasted cabinet-report tables. */
  moneyAsText?: boolean;
}

const GRANT = "Supporting Families grant";
const GRANT_START = excelDate(1, 9, 2025);
const GRANT_END = excelDate(31, 3, 2028);

const TEAMS: DemoPost[][] = [
  [
    {
      id: "CS001",
      title: "Head of Early Help and Family Support",
      team: "Management",
      grade: "SS18",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
    {
      id: "CS002",
      title: "Service Manager - Early Help",
      team: "Management",
      grade: "SS16",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
    {
      id: "CS003",
      title: "Service Manager - Safeguarding",
      team: "Management",
      grade: "SS16",
      currentFte: 1,
      proposedFte: 0,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
  ],
  [
    {
      id: "SW001",
      title: "Team Manager - Assessment",
      team: "Social Work",
      grade: "SS14",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
    {
      id: "SW002",
      title: "Team Manager - Child in Need",
      team: "Social Work",
      grade: "SS14",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
    {
      id: "SW003",
      title: "Team Manager - Child Protection",
      team: "Social Work",
      grade: "SS14",
      currentFte: 1,
      proposedFte: 0,
      staff: 1,
      contract: "Permanent",
      management: true,
    },
    {
      id: "SW004",
      title: "Advanced Practitioner",
      team: "Social Work",
      grade: "SS13",
      currentFte: 2,
      proposedFte: 3,
      staff: 2,
      contract: "Permanent",
    },
    {
      id: "SW005",
      title: "Senior Social Worker",
      team: "Social Work",
      grade: "SS13",
      currentFte: 4,
      proposedFte: 4,
      staff: 4,
      contract: "Permanent",
    },
    {
      id: "SW006",
      title: "Social Worker",
      team: "Social Work",
      grade: "SS12",
      currentFte: 12.6,
      proposedFte: 14,
      staff: 14,
      contract: "Permanent",
    },
    {
      id: "SW007",
      title: "Social Worker (agency cover)",
      team: "Social Work",
      grade: "SS12",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Agency",
      proposedContract: "Permanent",
      hours: 37,
      agencyRate: 36,
    },
    {
      id: "SW008",
      title: "Newly Qualified Social Worker (ASYE)",
      team: "Social Work",
      grade: "SS11",
      currentFte: 3,
      proposedFte: 3,
      staff: 3,
      contract: "Permanent",
    },
    {
      id: "SW009",
      title: "Family Group Conference Coordinator",
      team: "Social Work",
      grade: "SS11",
      currentFte: 0,
      proposedFte: 1,
      staff: 0,
      contract: "Permanent",
    },
  ],
  [
    {
      id: "FS001",
      title: "Family Support Unit Manager",
      team: "Family Support",
      grade: "SS11",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Fixed-term",
      funding: GRANT,
      start: GRANT_START,
      end: GRANT_END,
    },
    {
      id: "FS002",
      title: "Senior Family Support Worker",
      team: "Family Support",
      grade: "SS09",
      currentFte: 2,
      proposedFte: 2,
      staff: 2,
      contract: "Fixed-term",
      funding: GRANT,
      start: GRANT_START,
      end: GRANT_END,
    },
    {
      id: "FS003",
      title: "Family Support Worker",
      team: "Family Support",
      grade: "SS08",
      currentFte: 8.5,
      proposedFte: 8.5,
      staff: 10,
      contract: "Fixed-term",
      funding: GRANT,
      start: GRANT_START,
      end: GRANT_END,
    },
    {
      id: "FS004",
      title: "Parenting Practitioner",
      team: "Family Support",
      grade: "SS09",
      currentFte: 1.5,
      proposedFte: 1.5,
      staff: 2,
      contract: "Fixed-term",
      funding: GRANT,
      // Typed as UK text, as often pasted: 1 September 2025.
      start: "01/09/2025",
      end: GRANT_END,
    },
    {
      id: "FS005",
      title: "Family Support Data Officer",
      team: "Family Support",
      grade: "SS08",
      currentFte: 0.6,
      proposedFte: 0.6,
      staff: 1,
      contract: "Fixed-term",
      funding: GRANT,
      start: excelDate(1, 1, 2026),
      end: GRANT_END,
    },
  ],
  [
    {
      id: "EH001",
      title: "Early Help Coordinator",
      team: "Early Help",
      grade: "SS11",
      currentFte: 3,
      proposedFte: 3,
      staff: 3,
      contract: "Permanent",
    },
    {
      id: "EH002",
      title: "Early Help Practitioner",
      team: "Early Help",
      grade: "SS09",
      currentFte: 6.4,
      proposedFte: 7.4,
      staff: 8,
      contract: "Permanent",
    },
    {
      id: "EH003",
      title: "Youth Worker",
      team: "Early Help",
      grade: "SS08",
      currentFte: 2.5,
      proposedFte: 2,
      staff: 3,
      contract: "Permanent",
    },
    {
      id: "EH004",
      title: "Education Welfare Officer",
      team: "Early Help",
      grade: "SS08",
      currentFte: 2,
      proposedFte: 2,
      staff: 2,
      contract: "Permanent",
      proposedGrade: "SS09",
      proposedSalary: 33366,
    },
    {
      id: "EH005",
      title: "Early Help Assistant",
      team: "Early Help",
      grade: "SS05",
      currentFte: 1,
      proposedFte: 0,
      staff: 1,
      contract: "Temporary",
    },
    {
      id: "EH006",
      title: "Domestic Abuse Practitioner",
      team: "Early Help",
      grade: "SS09",
      currentFte: 0,
      proposedFte: 1,
      staff: 0,
      contract: "Permanent",
    },
    {
      id: "EH007",
      title: "Early Help Practitioner (job share)",
      team: "Early Help",
      grade: "SS09",
      currentFte: 1,
      proposedFte: 1,
      staff: 2,
      contract: "Permanent",
    },
  ],
  [
    {
      id: "BS001",
      title: "Business Support Manager",
      team: "Business Support",
      grade: "SS09",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      moneyAsText: true,
    },
    {
      id: "BS002",
      title: "Senior Business Support Officer",
      team: "Business Support",
      grade: "SS05",
      currentFte: 2,
      proposedFte: 2,
      staff: 2,
      contract: "Permanent",
      moneyAsText: true,
    },
    {
      id: "BS003",
      title: "Business Support Officer",
      team: "Business Support",
      grade: "SS03",
      currentFte: 6.6,
      proposedFte: 6,
      staff: 8,
      contract: "Permanent",
      moneyAsText: true,
    },
    {
      id: "BS004",
      title: "Data and Performance Officer",
      team: "Business Support",
      grade: "SS08",
      currentFte: 1,
      proposedFte: 1,
      staff: 1,
      contract: "Permanent",
      proposedGrade: "SS09",
      proposedSalary: 33366,
      moneyAsText: true,
    },
    {
      id: "BS005",
      title: "Minute Taker",
      team: "Business Support",
      grade: "SS03",
      currentFte: 1.4,
      proposedFte: 1.4,
      staff: 2,
      contract: "Permanent",
      moneyAsText: true,
    },
  ],
];

export const DEMO_HEADERS = [
  "Post No",
  "Position Name",
  "Team",
  "Grade",
  "Minimum Salary",
  "Maximum Salary",
  "Current FTE",
  "Proposed FTE",
  "No of Staff",
  "Contract Type",
  "Proposed Contract",
  "Proposed Grade",
  "Proposed Salary",
  "Funding",
  "Start Date",
  "End Date",
  "Hours",
  "Agency Hourly Rate",
  "Management",
] as const;

/** "£29,540", the way salaries arrive when typed or pasted as text. */
function poundsText(n: number): string {
  return `£${n.toLocaleString("en-GB")}`;
}

const BOLD: Partial<ExcelJS.Font> = { bold: true };
const HEADER_FILL: ExcelJS.Fill = {
  type: "pattern",
  pattern: "solid",
  fgColor: { argb: "FFD9E1F2" },
};

function fixDocProps(wb: ExcelJS.Workbook): void {
  wb.creator = "Establishment Costing (demo generator)";
  wb.lastModifiedBy = "Establishment Costing (demo generator)";
  wb.created = GENERATED;
  wb.modified = GENERATED;
}

function addEstablishmentSheet(wb: ExcelJS.Workbook, teams: DemoPost[][], title: string): void {
  const ws = wb.addWorksheet("Establishment");
  ws.addRow([title]).font = { bold: true, size: 14 };
  ws.addRow(["Children's Services - current and proposed structure (invented figures)"]).font = {
    italic: true,
  };
  ws.addRow([]);
  const header = ws.addRow([...DEMO_HEADERS]);
  header.font = BOLD;
  header.eachCell((c) => (c.fill = HEADER_FILL));
  const headerRow = header.number;
  const col = (name: (typeof DEMO_HEADERS)[number]): number => DEMO_HEADERS.indexOf(name) + 1;

  teams.forEach((team, t) => {
    if (t > 0) ws.addRow([]); // a blank spacer row between teams, as in real tables
    for (const p of team) {
      const band = GRADES[p.grade];
      const min = p.moneyAsText ? poundsText(band.min) : band.min;
      const max = p.moneyAsText ? poundsText(band.max) : band.max;
      const row = ws.addRow([
        p.id,
        p.title,
        p.team,
        p.grade,
        min,
        max,
        p.currentFte,
        p.proposedFte,
        p.staff,
        p.contract,
        p.proposedContract ?? p.contract,
        p.proposedGrade ?? p.grade,
        p.proposedSalary ?? null,
        p.funding ?? "Base budget",
        p.start ?? null,
        p.end ?? null,
        p.hours ?? null,
        p.agencyRate ?? null,
        p.management ? "Y" : "N",
      ]);
      row.getCell(col("Minimum Salary")).numFmt = NUMBER_FORMATS.money;
      row.getCell(col("Maximum Salary")).numFmt = NUMBER_FORMATS.money;
      row.getCell(col("Proposed Salary")).numFmt = NUMBER_FORMATS.money;
      row.getCell(col("Start Date")).numFmt = NUMBER_FORMATS.date;
      row.getCell(col("End Date")).numFmt = NUMBER_FORMATS.date;
      row.getCell(col("Agency Hourly Rate")).numFmt = NUMBER_FORMATS.money;
    }
  });

  const lastData = ws.rowCount;
  ws.addRow([]);
  // The TOTAL row reconciles with the posts: SUM formulas, cached so any reader sees them.
  const all = teams.flat();
  const total = ws.addRow(["TOTAL"]);
  total.font = BOLD;
  const sums: Array<[(typeof DEMO_HEADERS)[number], number]> = [
    ["Current FTE", sumOf(all.map((p) => p.currentFte))],
    ["Proposed FTE", sumOf(all.map((p) => p.proposedFte))],
    ["No of Staff", sumOf(all.map((p) => p.staff))],
  ];
  for (const [name, result] of sums) {
    const c = col(name);
    const letter = ws.getColumn(c).letter;
    total.getCell(c).value = {
      formula: `SUM(${letter}${headerRow + 1}:${letter}${lastData})`,
      result,
    };
  }

  const widths = [9, 38, 17, 8, 15, 15, 12, 13, 11, 14, 17, 14, 15, 26, 12, 12, 8, 12, 12];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.views = [{ state: "frozen", xSplit: 2, ySplit: headerRow }];
}

/** Adds up FTE without binary float noise (12.6 + 2 … shows as 12.6, not 12.600000001). */
function sumOf(values: number[]): number {
  return Math.round(values.reduce((a, b) => a + b, 0) * 1e6) / 1e6;
}

export interface DemoSetting {
  setting: string;
  value: Cell;
  note?: string;
  format?: string;
  /** The setting's value in each scenario that changes it (a scenario column of its own). */
  scenarios?: Record<string, Cell>;
}

/**
 * The demo's scenarios, one column each beside Notes: a higher pay award; employer NI as it
 * was before the April 2025 change (13.8% over £9,100 a year, £758 a month), which shows
 * what that change costs the grant, as the demo's years start in 2025/26 and so carry it
 * already; and a higher vacancy factor.
 */
export const DEMO_SCENARIOS = ["Pay award 4%", "NI before April 2025", "Vacancies 5%"] as const;

const DEMO_SETTINGS: DemoSetting[] = [
  { setting: "First financial year", value: "2025/26", note: "The costing starts on 1 April." },
  { setting: "Number of years", value: 3, note: "Financial years costed." },
  { setting: "Costing point", value: "mid", note: "bottom, mid, top or actual." },
  { setting: "Pay award 2025/26", value: 0.032, format: "0.0%" },
  {
    setting: "Pay award 2026/27",
    value: 0.025,
    format: "0.0%",
    scenarios: { "Pay award 4%": 0.04 },
  },
  {
    setting: "Pay award 2027/28",
    value: 0.02,
    format: "0.0%",
    scenarios: { "Pay award 4%": 0.04 },
  },
  { setting: "Employer pension rate", value: 0.195, format: "0.0%" },
  { setting: "Apprenticeship levy", value: "Yes" },
  // Beside pension and levy: the on-cost settings stay one block of rows, which the live
  // cost formulas take as one range.
  {
    setting: "Employer NI rate",
    value: null,
    note: "Blank: the statutory rate for each year (15% from April 2025).",
    format: "0.0%",
    scenarios: { "NI before April 2025": 0.138 },
  },
  {
    setting: "NI monthly threshold",
    value: null,
    note: "Blank: the statutory threshold (£417 a month from April 2025).",
    format: NUMBER_FORMATS.money,
    scenarios: { "NI before April 2025": 758 },
  },
  {
    setting: "Vacancy factor",
    value: 0.03,
    format: "0.0%",
    scenarios: { "Vacancies 5%": 0.05 },
  },
  { setting: "Grant name", value: GRANT },
  { setting: "Grant amount", value: 1_600_000, format: NUMBER_FORMATS.money },
  { setting: "Grant start", value: GRANT_START, format: NUMBER_FORMATS.date },
  { setting: "Grant end", value: GRANT_END, format: NUMBER_FORMATS.date },
  {
    setting: "Implementation date",
    value: excelDate(1, 10, 2025),
    format: NUMBER_FORMATS.date,
    note: "When the proposed structure takes effect.",
  },
  { setting: "Agency weeks per year", value: 52 },
  { setting: "Weight: population", value: 0.5, format: "0%" },
  { setting: "Weight: deprivation", value: 0.3, format: "0%" },
  { setting: "Weight: demand", value: 0.2, format: "0%" },
  { setting: "Weight: equal share", value: 0, format: "0%" },
  { setting: "Allocation unit (FTE)", value: 0.5, note: "FTE: 1, 0.5 or 0.1." },
  {
    setting: "FTE to share out",
    value: 24,
    note: "Family support and early help practitioners to place by need.",
  },
];

/**
 * Setting | Value | Notes, and a column per scenario named, with a bold header row, on a
 * sheet named "Assumptions".
 */
export function addSettingsSheet(
  wb: ExcelJS.Workbook,
  settings: DemoSetting[],
  scenarios: readonly string[] = []
): void {
  const ws = wb.addWorksheet("Assumptions");
  const header = ws.addRow(["Setting", "Value", "Notes", ...scenarios]);
  header.font = BOLD;
  header.eachCell((c) => (c.fill = HEADER_FILL));
  for (const s of settings) {
    const row = ws.addRow([
      s.setting,
      s.value,
      s.note ?? "",
      ...scenarios.map((name) => s.scenarios?.[name] ?? null),
    ]);
    if (s.format)
      for (let c = 2; c <= 3 + scenarios.length; c++) if (c !== 3) row.getCell(c).numFmt = s.format;
  }
  ws.getColumn(1).width = 26;
  ws.getColumn(2).width = 26;
  ws.getColumn(3).width = 44;
  scenarios.forEach((_, i) => (ws.getColumn(4 + i).width = 20));
  ws.views = [{ state: "frozen", ySplit: 1 }];
}

export interface DemoLocality {
  name: string;
  population: number;
  idaci: number;
  referrals: number;
}

const DEMO_LOCALITIES: DemoLocality[] = [
  { name: "Northfield", population: 14820, idaci: 0.21, referrals: 612 },
  { name: "Riverside", population: 11230, idaci: 0.12, referrals: 344 },
  { name: "Eastgate", population: 18460, idaci: 0.27, referrals: 798 },
  { name: "Westbury", population: 9870, idaci: 0.09, referrals: 251 },
  { name: "Central", population: 16350, idaci: 0.24, referrals: 701 },
  { name: "Coastal", population: 8940, idaci: 0.18, referrals: 389 },
];

/** The localities as an Excel Table named "Localities", from A1. */
export function addLocalitiesSheet(wb: ExcelJS.Workbook, localities: DemoLocality[]): void {
  const ws = wb.addWorksheet("Localities");
  ws.addTable({
    name: "Localities",
    ref: "A1",
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: [
      { name: "Locality", filterButton: true },
      { name: "Population 0-19", filterButton: true },
      { name: "IDACI rate", filterButton: true },
      { name: "Referrals (last 12 months)", filterButton: true },
    ],
    rows: localities.map((l) => [l.name, l.population, l.idaci, l.referrals]),
  });
  ws.getColumn(2).numFmt = NUMBER_FORMATS.integer;
  ws.getColumn(3).numFmt = "0.00";
  ws.getColumn(4).numFmt = NUMBER_FORMATS.integer;
  [16, 17, 12, 26].forEach((w, i) => (ws.getColumn(i + 1).width = w));
}

/** The full demo workbook. */
export function childrensServicesWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  fixDocProps(wb);
  addEstablishmentSheet(wb, TEAMS, "CHILDREN'S SERVICES STAFF - GRADES AND SALARY SCALES");
  addSettingsSheet(wb, DEMO_SETTINGS, DEMO_SCENARIOS);
  addLocalitiesSheet(wb, DEMO_LOCALITIES);
  return wb;
}

/** Posts in the demo, for tests that reconcile against the TOTAL row. */
export function demoPostCount(): number {
  return TEAMS.flat().length;
}

/**
 * The demo's establishment scaled up to `posts` rows (the demo's posts repeated with new
 * numbers, a spacer row every 1,000), for benchmarks and large-file tests.
 */
export function largeWorkbook(posts: number): ExcelJS.Workbook {
  const template = TEAMS.flat();
  const teams: DemoPost[][] = [];
  for (let i = 0; i < posts; i++) {
    if (i % 1000 === 0) teams.push([]);
    const p = template[i % template.length];
    teams[teams.length - 1].push({ ...p, id: `P${String(i + 1).padStart(6, "0")}` });
  }
  const wb = new ExcelJS.Workbook();
  fixDocProps(wb);
  addEstablishmentSheet(wb, teams, `ESTABLISHMENT OF ${posts.toLocaleString("en-GB")} POSTS`);
  addSettingsSheet(wb, DEMO_SETTINGS);
  addLocalitiesSheet(wb, DEMO_LOCALITIES);
  return wb;
}
