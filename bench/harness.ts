/**
 * Benchmarks report speed as a ratio to a baseline measured in the same run on the same
 * machine, so the figures travel between machines. Nothing here asserts on time.
 */
export interface Measurement {
  name: string;
  /** Median wall time of the runs, in milliseconds. */
  medianMs: number;
  runs: number;
}

export function measure(name: string, fn: () => unknown, runs = 5): Measurement {
  fn(); // warm-up: JIT and caches, not counted
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)], runs };
}

export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  runs = 3
): Promise<Measurement> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    await fn();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)], runs };
}

/** A Markdown table of measurements with each one's ratio to the baseline. */
export function ratioTable(baseline: Measurement, others: Measurement[]): string {
  const rows = [baseline, ...others].map(
    (m) =>
      `| ${m.name} | ${m.medianMs.toFixed(1)} | ${(m.medianMs / baseline.medianMs).toFixed(2)} |`
  );
  return ["| measurement | median ms | × baseline |", "|---|---:|---:|", ...rows].join("\n");
}

export function peakRssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
