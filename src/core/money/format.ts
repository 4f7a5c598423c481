import { roundTo } from "./round";

/** £1,234,567.89 (or £1,235 with decimals 0); negative as -£1,234.00. */
export function formatPounds(x: number, decimals = 2): string {
  const r = roundTo(Math.abs(x), decimals);
  const [whole, frac] = r.toFixed(decimals).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${x < 0 && r !== 0 ? "-" : ""}£${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}

/** £36,000 for whole pounds, £36,000.50 with pence: a figure quoted in a sentence. */
export function formatPoundsInText(x: number): string {
  return formatPounds(x).replace(/\.00$/, "");
}

/** 1234.5 → "1,234.5" with up to `decimals` places, no trailing zeros. */
export function formatNumber(x: number, decimals = 2): string {
  const r = roundTo(x, decimals);
  const [whole, frac] = String(Math.abs(r)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${r < 0 ? "-" : ""}${grouped}${frac !== undefined ? `.${frac}` : ""}`;
}
