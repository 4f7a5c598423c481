/**
 * An FTE to share out that is not a whole number of allocation units (20.05 in steps of
 * 0.1, 23.3 in steps of 0.5) is shared out to the nearest unit, and said at the cell it
 * came from: a typed one by the reader's cross-table check (read/workbook.ts), at its
 * Assumptions cell; the establishment's own total here, at its TOTAL row.
 */
import { toA1, type Issue } from "../grid";
import type { Establishment } from "../model";
import { formatNumber } from "../money";
import { reconcilingTotal } from "../report/establishment-cost";
import type { RoundedTotal } from "../report/locality-shares";

const roundedMessage = (what: string, given: number, total: number, unit: number): string =>
  `${what} ${formatNumber(given, 6)} FTE is not a whole number of ${formatNumber(unit, 10)} FTE units; ${formatNumber(total, 6)} FTE is shared out (the nearest whole number of units)`;

/**
 * The establishment's own total in part units: a warning at the TOTAL row's FTE cell when
 * the table has one, else at the FTE column's heading (the posts' FTE is what is added up).
 */
export function establishmentTotalIssue(
  est: Establishment | undefined,
  rounded: RoundedTotal | undefined,
  total: number,
  unit: number
): Issue[] {
  if (!est || rounded?.from !== "establishment") return [];
  const recon = reconcilingTotal(est.totals);
  const column = est.columns.fte ?? est.columns.currentFte ?? 0;
  const address =
    recon?.cells.fte ?? recon?.cells.currentFte ?? toA1({ row: est.headerRow, column });
  return [
    {
      severity: "warning",
      code: "shares-total-rounded",
      sheet: est.sheet,
      address,
      message: roundedMessage("The establishment's", rounded.given, total, unit),
      fix: "set 'FTE to share out' on the assumptions sheet to share out a different figure",
    },
  ];
}
