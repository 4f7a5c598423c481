/** Pounds → whole pence, so that sums of money are integer arithmetic and exact. */
export const toPence = (pounds: number): number => Math.round(Number((pounds * 100).toFixed(6)));

/** Rounds to the penny, half away from zero. */
export function penny(pounds: number): number {
  const p = toPence(Math.abs(pounds)) / 100;
  return pounds < 0 && p !== 0 ? -p : p;
}

/** Exact sum of penny amounts. */
export const sumPounds = (values: readonly number[]): number =>
  values.reduce((s, v) => s + toPence(v), 0) / 100;
