import type { FinancialYear } from "../dates";

/**
 * One spinal column point of a grade. A pay scales table is a flat list of these; grades
 * may overlap (the same point in two grades). Without a year the salary is the one in
 * force in the first costed year; with one, it is that year's published figure.
 */
export interface PayPoint {
  grade: string;
  point: number;
  /** Full-time annual salary at this point. */
  salary: number;
  year?: FinancialYear;
  /** A1 address of the salary cell. */
  cell?: string;
}

export interface PayScales {
  sheet: string;
  points: PayPoint[];
}
