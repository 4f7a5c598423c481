/**
 * Benchmarks report speed as a ratio to a baseline measured in the same run on the same
 * machine, so the figures travel between machines. Nothing here asserts on time.
 * Wall time and CPU time (user + system of this process, the collector's threads
 * included) are both reported: on a shared machine the wall clock swings with the load,
 * the CPU time much less.
 */
export interface Measurement {
  name: string;
  /** Median wall time of the runs, in milliseconds. */
  medianMs: number;
  /** Median CPU time (user + system) of the runs, in milliseconds. */
  cpuMedianMs: number;
  runs: number;
}

/** One timed run: wall and CPU milliseconds. */
interface Sample {
  wallMs: number;
  cpuMs: number;
}

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
};

function timed(fn: () => unknown): Sample {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  fn();
  return { wallMs: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: cpuMsSince(cpu) };
}

async function timedAsync(fn: () => Promise<unknown>): Promise<Sample> {
  const cpu = process.cpuUsage();
  const start = process.hrtime.bigint();
  await fn();
  return { wallMs: Number(process.hrtime.bigint() - start) / 1e6, cpuMs: cpuMsSince(cpu) };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function summarise(name: string, samples: Sample[]): Measurement {
  return {
    name,
    medianMs: median(samples.map((s) => s.wallMs)),
    cpuMedianMs: median(samples.map((s) => s.cpuMs)),
    runs: samples.length,
  };
}

export function measure(name: string, fn: () => unknown, runs = 5): Measurement {
  fn(); // warm-up: JIT and caches, not counted
  return summarise(
    name,
    Array.from({ length: runs }, () => timed(fn))
  );
}

/**
 * Several jobs measured in turn, run after run (a, b, a, b, …), so a change in the
 * machine's load falls on all of them alike; each one's medians.
 */
export function measureAlternating(
  jobs: { name: string; fn: () => unknown }[],
  runs = 5
): Measurement[] {
  for (const job of jobs) job.fn(); // warm-up
  const samples: Sample[][] = jobs.map(() => []);
  for (let i = 0; i < runs; i++) jobs.forEach((job, j) => samples[j].push(timed(job.fn)));
  return jobs.map((job, j) => summarise(job.name, samples[j]));
}

export async function measureAsync(
  name: string,
  fn: () => Promise<unknown>,
  runs = 3
): Promise<Measurement> {
  await fn();
  const samples: Sample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await timedAsync(fn));
  return summarise(name, samples);
}

/** One run timed, no warm-up: for a job whose first run is the one that matters. */
export async function measureOnce(name: string, fn: () => Promise<unknown>): Promise<Measurement> {
  return summarise(name, [await timedAsync(fn)]);
}

/** A Markdown table of measurements with each one's ratio to the baseline, by wall and by CPU time. */
export function ratioTable(baseline: Measurement, others: Measurement[]): string {
  const rows = [baseline, ...others].map(
    (m) =>
      `| ${m.name} | ${m.medianMs.toFixed(1)} | ${(m.medianMs / baseline.medianMs).toFixed(2)} ` +
      `| ${m.cpuMedianMs.toFixed(1)} | ${(m.cpuMedianMs / baseline.cpuMedianMs).toFixed(2)} |`
  );
  return [
    "| measurement | median ms | × baseline | median CPU ms | × baseline (CPU) |",
    "|---|---:|---:|---:|---:|",
    ...rows,
  ].join("\n");
}

export function peakRssMb(): number {
  return Math.round(process.memoryUsage().rss / 1024 / 1024);
}
