/**
 * Rounds half away from zero to `decimals` places, as Excel's ROUND does, without being
 * fooled by binary fractions (2.675 is stored as 2.67499999…; Excel and we give 2.68).
 * The fast path skips the string work unless the value sits on a half.
 */
export function roundTo(x: number, decimals: number): number {
  if (!Number.isFinite(x)) return x;
  const scale = 10 ** decimals;
  const n = Math.abs(x) * scale;
  const frac = n - Math.floor(n);
  let r: number;
  if (Math.abs(frac - 0.5) > 1e-6) {
    r = Math.round(n);
  } else {
    // Read the value as Excel does, to 15 significant digits, then round that decimal.
    const digits = Math.abs(x).toPrecision(15);
    const shifted = digits.includes("e") ? n : Number(`${digits}e${decimals}`);
    r = Math.floor(shifted + 0.5);
  }
  const result = r / scale;
  return (x < 0 ? -result : result) + 0; // + 0 turns -0 into 0
}

/** To the penny. */
export function roundPenny(x: number): number {
  return roundTo(x, 2);
}

/** The exact total of penny amounts: added as whole pence, so no binary drift. */
export function sumMoney(values: readonly number[]): number {
  let pence = 0;
  for (const v of values) pence += Math.round(v * 100);
  return pence / 100 + 0;
}

/** An amount taken off, as the negative figure a sheet shows (never -0, which prints as -£0.00). */
export function deduction(amount: number): number {
  return 0 - amount;
}
