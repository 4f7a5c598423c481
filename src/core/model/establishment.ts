import type { Serial } from "../dates";

/** The kinds of contract the restructure and agency calculations tell apart. */
export type ContractType =
  "permanent" | "temporary" | "fixed-term" | "agency" | "secondment" | "other";

/** Every column the reader can map. Names are the users' own terms. */
export type PostField =
  | "postId"
  | "title"
  | "grade"
  | "role"
  | "team"
  | "locality"
  | "costCentre"
  | "fte"
  | "headcount"
  | "minSalary"
  | "maxSalary"
  | "salary"
  | "proRataSalary"
  | "spinalPoint"
  | "startDate"
  | "endDate"
  | "funding"
  | "grantFunded"
  | "contractType"
  | "hoursPerWeek"
  | "fullTimeHours"
  | "currentFte"
  | "proposedFte"
  | "proposedGrade"
  | "proposedSalary"
  | "proposedContractType"
  | "management"
  | "pensionRate"
  | "agencyHourlyRate"
  | "agencyDailyRate"
  | "agencyWeeklyRate"
  | "agencyAnnualRate"
  | "status"
  | "toDelete";

/**
 * One row of the establishment: a funded post (or a group of identical posts: a row of
 * 47.93 FTE shared by 61 people is one Post). Money is annual, in pounds, at full time.
 */
export interface Post {
  /** Zero-based sheet row the post was read from. */
  sourceRow: number;
  postId?: string;
  title: string;
  grade?: string;
  /** Role or staff group (a Role column), for locality shares by role. */
  role?: string;
  team?: string;
  locality?: string;
  costCentre?: string;
  /** Current FTE (WTE). Where the table has "Current FTE" and "Proposed FTE", this is current. */
  fte: number;
  /** People in post (headcount); employer NI thresholds apply per person. */
  headcount?: number;
  /** Grade minimum (full-time annual salary). */
  minSalary?: number;
  /** Grade maximum (full-time annual salary). */
  maxSalary?: number;
  /** The post-holder's actual full-time annual salary. */
  salary?: number;
  spinalPoint?: number;
  startDate?: Serial;
  endDate?: Serial;
  /** Funding source, e.g. the name of a grant. */
  funding?: string;
  contractType?: ContractType;
  hoursPerWeek?: number;
  /** A "Full-time hours" column: the post's full-time week, when the table gives FTE as hours. */
  fullTimeHours?: number;
  proposedFte?: number;
  /**
   * The day a dated Status puts the post's change from ("Deleted from 01/10/2025", "New from
   * 01/01/2026"): the Restructure sheet's part-year effect for the post runs from then, not
   * from the implementation date.
   */
  changeDate?: Serial;
  proposedGrade?: string;
  proposedSalary?: number;
  proposedContractType?: ContractType;
  /** Flagged as a management post in the table. */
  management?: boolean;
  /** A "Grant funded? (Y/N)" column's answer: paid by the grant the Assumptions name. */
  grantFunded?: boolean;
  /** Employer pension rate for this row, as a fraction (0.195 for 19.5%). */
  pensionRate?: number;
  /** Hourly charge rate when the post is filled by an agency worker. */
  agencyHourlyRate?: number;
  /**
   * The agency rate as quoted, when not per hour: £260 a day, £1,200 a week, £60,000 a
   * year, from its column's heading or the cell's own unit. The costing converts it to
   * an hourly rate with the assumptions' agency hours and days per week (see
   * hourlyAgencyRate); field is the column it was read from.
   */
  agencyRate?: { amount: number; unit: "day" | "week" | "year"; field: PostField };
  /**
   * How the proposed FTE was read when it is not a figure typed in its cell: a blank
   * Proposed FTE read as no change ("blank: unchanged"), or a deletion word in the
   * Proposed FTE cell ("deleted typed") or the Status column ("status deleted"), or a dash or
   * n/a in the Proposed FTE cell beside a Status that keeps the post ("status unchanged").
   * Absent for a typed figure and for a table with no Proposed FTE column.
   */
  proposedFteFrom?: ProposedFteFrom;
  /** A proposed list's grade range, for a post regraded there with no salary given. */
  proposedMinSalary?: number;
  proposedMaxSalary?: number;
  /** Team after the restructure, when a proposed list puts the post in another team. */
  proposedTeam?: string;
  /** Funding after the restructure, when a proposed list gives another source. */
  proposedFunding?: string;
  /** A post of a two-list restructure: the rows it came from and how they were matched. */
  structure?: PostStructure;
  /** A1 address, on the establishment's sheet, of the cell each field was read from. */
  cells: Partial<Record<PostField, string>>;
}

/** Where a post of a two-list restructure was read: sheet, 1-based row, and its title cell. */
export interface PostSource {
  sheet: string;
  row: number;
  address?: string;
}

/** The rule that paired a current post with a proposed one. */
export type StructureMatch =
  | "post ID"
  | "title, grade and team"
  | "title and team"
  /** The one post in each list with that title, grade and salary, in another team. */
  | "title, grade and salary";

export interface PostStructure {
  /** The current list's row; absent for a new post. */
  current?: PostSource;
  /** The proposed list's row; absent for a deleted post. */
  proposed?: PostSource;
  /** The proposed list's cells of the fields that price the post (salary, grade), on its sheet. */
  proposedCells?: Partial<Record<PostField, string>>;
  /** Absent for an unmatched (new or deleted) post. */
  matchedBy?: StructureMatch;
  /** Paired in list order among several posts with the same key (a warning says where). */
  inOrder?: boolean;
}

export type ProposedFteFrom =
  "given" | "blank: unchanged" | "deleted typed" | "status deleted" | "status unchanged";

/** A TOTAL / sub-total row the table carried, kept to reconcile against. */
export interface TotalsRow {
  sourceRow: number;
  label: string;
  /** Sub-total (rows since the previous sub-total or total), total, or grand total (all rows). */
  kind?: "subtotal" | "total" | "grand-total";
  fte?: number;
  headcount?: number;
  cells: Partial<Record<PostField, string>>;
}

export interface Establishment {
  sheet: string;
  /** Excel Table name, when the establishment is an Excel Table. */
  table?: string;
  /** A1 range from the header row to the last data row, e.g. "A3:H40". */
  range: string;
  /** Zero-based sheet row of the header. */
  headerRow: number;
  /** Which sheet column (zero-based) each mapped field was read from. */
  columns: Partial<Record<PostField, number>>;
  /**
   * Columns whose heading gives another unit ("Monthly salary", "FTE %"): the posts hold
   * their figures × this, so a formula cannot use the cell as it stands.
   */
  columnScales?: Partial<Record<PostField, number>>;
  posts: Post[];
  totals: TotalsRow[];
  /**
   * A restructure read from two lists: the tables of the current and the proposed
   * structure. The posts are then the matched pairs in the one-table form (current FTE
   * and Proposed FTE), and sheet, range and columns are the current list's.
   */
  structures?: { current: TableRef; proposed: TableRef };
}

/** Where a table is: its sheet, range and (when an Excel Table) its name. */
export interface TableRef {
  sheet: string;
  range: string;
  table?: string;
}

/** The establishment's FTE, to 6 places: what the locality shares share when no FTE to share out is set. */
export function establishmentFte(est: Pick<Establishment, "posts">): number {
  return Math.round(est.posts.reduce((s, p) => s + p.fte, 0) * 1e6) / 1e6;
}
