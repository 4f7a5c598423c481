/** Money: Excel-style rounding, exact penny sums, en-GB pound formatting. One place for all. */
export { roundTo, roundPenny, sumMoney, deduction } from "./round";
export { formatPounds, formatPoundsInText, formatNumber } from "./format";
