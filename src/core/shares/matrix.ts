import { allocateUnits } from "./allocate";
import { SharesInputError } from "./errors";
import { checkUnitCount, fromUnits, nearestWhole, toUnits } from "./units";

/**
 * Roles × localities with both margins exact ("controlled rounding").
 *
 * 1. Column targets: the grand total (all roles' FTE) is shared over localities by
 *    Hamilton, in units. Row targets: each role's FTE, in units.
 * 2. A real matrix with exactly those margins: role total × locality total ÷ grand total
 *    (or, when a seed matrix says which roles may go where and in what mix, the seed fitted
 *    to the margins by iterative proportional fitting).
 * 3. Every cell is rounded down; the units still owed to each role and each locality are
 *    then placed by a small min-cost flow (source → role → locality → sink) in which a
 *    cell can take at most one extra unit and the cells with the largest remainders are
 *    preferred. Because the fractional parts themselves are a feasible flow of the same
 *    size, an integer flow of that size exists (integrality of max-flow), so both margins
 *    come out exact and every cell is its real value rounded down or up.
 */

export interface MatrixAllocation {
  /** FTE per role (row) per locality (column). */
  cells: number[][];
  /** The same in units. */
  units: number[][];
  /** The real (unrounded) matrix, in FTE, that was rounded. */
  exact: number[][];
  /** Row totals: each role's FTE. */
  roleTotals: number[];
  /** Column totals: the grand total shared over localities by Hamilton. */
  localityTotals: number[];
  grandTotal: number;
}

export interface MatrixOptions {
  /**
   * Optional preference per role and locality (≥ 0; 0 means "never here"). Fitted to the
   * margins by iterative proportional fitting. Without it every role follows the locality
   * shares.
   */
  seed?: readonly (readonly number[])[];
}

const IPF_MAX_ITERATIONS = 2_000;
const IPF_TOLERANCE = 1e-11;
const TIE_SCALE = 1e9;

interface Edge {
  to: number;
  capacity: number;
  cost: number;
  /** Index of the reverse edge in graph[to]. */
  reverse: number;
}

function addEdge(graph: Edge[][], from: number, to: number, capacity: number, cost: number) {
  graph[from].push({ to, capacity, cost, reverse: graph[to].length });
  graph[to].push({ to: from, capacity: 0, cost: -cost, reverse: graph[from].length - 1 });
}

/** Successive shortest paths with Bellman–Ford (costs may be negative); deterministic. */
function minCostFlow(graph: Edge[][], source: number, sink: number, wanted: number): number {
  let flow = 0;
  const n = graph.length;
  while (flow < wanted) {
    const dist = new Array<number>(n).fill(Infinity);
    const prev = new Array<{ node: number; edge: number } | undefined>(n).fill(undefined);
    dist[source] = 0;
    for (let round = 0; round < n; round++) {
      let changed = false;
      for (let u = 0; u < n; u++) {
        if (dist[u] === Infinity) continue;
        graph[u].forEach((e, k) => {
          if (e.capacity > 0 && dist[u] + e.cost < dist[e.to]) {
            dist[e.to] = dist[u] + e.cost;
            prev[e.to] = { node: u, edge: k };
            changed = true;
          }
        });
      }
      if (!changed) break;
    }
    if (dist[sink] === Infinity) break;
    let push = wanted - flow;
    for (let v = sink; v !== source;) {
      const p = prev[v]!;
      push = Math.min(push, graph[p.node][p.edge].capacity);
      v = p.node;
    }
    for (let v = sink; v !== source;) {
      const p = prev[v]!;
      const e = graph[p.node][p.edge];
      e.capacity -= push;
      graph[v][e.reverse].capacity += push;
      v = p.node;
    }
    flow += push;
  }
  return flow;
}

/** Scales the seed's rows and columns in turn until its margins match the targets. */
function fitToMargins(
  seed: readonly (readonly number[])[],
  rows: readonly number[],
  columns: readonly number[]
): number[][] {
  const m = rows.length;
  const n = columns.length;
  const a = seed.map((r) => [...r]);
  for (let iteration = 0; iteration < IPF_MAX_ITERATIONS; iteration++) {
    for (let i = 0; i < m; i++) {
      const s = a[i].reduce((x, y) => x + y, 0);
      if (rows[i] > 0 && s <= 0) {
        throw new SharesInputError(
          "role-has-nowhere",
          `Role ${i + 1} has FTE but a zero preference for every locality`
        );
      }
      for (let j = 0; j < n; j++) a[i][j] = s > 0 ? (a[i][j] * rows[i]) / s : 0;
    }
    let worst = 0;
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let i = 0; i < m; i++) s += a[i][j];
      if (columns[j] > 0 && s <= 0) {
        throw new SharesInputError(
          "locality-has-nobody",
          `Locality ${j + 1} is owed FTE but no role may be placed there`
        );
      }
      for (let i = 0; i < m; i++) a[i][j] = s > 0 ? (a[i][j] * columns[j]) / s : 0;
    }
    for (let i = 0; i < m; i++) {
      const s = a[i].reduce((x, y) => x + y, 0);
      worst = Math.max(worst, Math.abs(s - rows[i]) / Math.max(1, rows[i]));
    }
    if (worst <= IPF_TOLERANCE) return a;
  }
  // Fitting converges slowly when the answer puts zero where the seed does not (a role
  // squeezed out of a locality); the near-fit is good enough, because the rounding step
  // below makes the margins exact or reports that no exact answer exists.
  return a;
}

/** Exact real matrix as whole part + fractional remainder (a key for comparing). */
interface RealCell {
  floor: number;
  /** Remainder scaled to an integer, for comparisons free of float noise. */
  remainderKey: number;
  exactUnits: number;
  allowed: boolean;
}

function realMatrix(
  rows: readonly number[],
  columns: readonly number[],
  seed: readonly (readonly number[])[] | undefined
): RealCell[][] {
  const grand = rows.reduce((s, r) => s + r, 0);
  if (seed === undefined) {
    // rows[i] × columns[j] ÷ grand in integers: exact, no float at all until the key.
    return rows.map((r) =>
      columns.map((c) => {
        const product = r * c;
        const floor = grand > 0 ? Math.floor(product / grand) : 0;
        const rem = grand > 0 ? product - floor * grand : 0;
        return {
          floor,
          remainderKey: grand > 0 ? Math.round((rem / grand) * TIE_SCALE) : 0,
          exactUnits: grand > 0 ? product / grand : 0,
          allowed: true,
        };
      })
    );
  }
  const fitted = fitToMargins(seed, rows, columns);
  return fitted.map((row, i) =>
    row.map((x, j) => {
      const floor = nearestWhole(x) ?? Math.floor(x);
      return {
        floor,
        remainderKey: Math.round(Math.max(0, x - floor) * TIE_SCALE),
        exactUnits: x,
        allowed: seed[i][j] > 0,
      };
    })
  );
}

/** Integer matrix with the given integer margins, each cell its real value rounded down or up. */
export function roundMatrixUnits(
  rows: readonly number[],
  columns: readonly number[],
  seed?: readonly (readonly number[])[]
): { units: number[][]; exactUnits: number[][] } {
  const m = rows.length;
  const n = columns.length;
  const real = realMatrix(rows, columns, seed);
  const units = real.map((r) => r.map((c) => c.floor));
  const rowOwed = rows.map((r, i) => r - units[i].reduce((s, u) => s + u, 0));
  const colOwed = columns.map((c, j) => c - units.reduce((s, row) => s + row[j], 0));
  if (rowOwed.some((x) => x < 0) || colOwed.some((x) => x < 0)) {
    throw new SharesInputError("matrix-cannot-fit", "The matrix could not be rounded exactly");
  }
  const wanted = rowOwed.reduce((s, x) => s + x, 0);
  const source = 0;
  const sink = m + n + 1;
  const graph: Edge[][] = Array.from({ length: m + n + 2 }, () => []);
  rowOwed.forEach((owed, i) => addEdge(graph, source, 1 + i, owed, 0));
  // Cells with no remainder may take a unit only if nothing else fits (after IPF that did
  // not land on whole numbers exactly); the penalty outweighs any gain in remainders.
  const penalty = (m * n + 1) * TIE_SCALE;
  const cellEdges: Array<{ i: number; j: number; from: number; index: number }> = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const c = real[i][j];
      if (!c.allowed || rowOwed[i] === 0 || colOwed[j] === 0) continue;
      cellEdges.push({ i, j, from: 1 + i, index: graph[1 + i].length });
      addEdge(graph, 1 + i, 1 + m + j, 1, c.remainderKey > 0 ? -c.remainderKey : penalty);
    }
  }
  colOwed.forEach((owed, j) => addEdge(graph, 1 + m + j, sink, owed, 0));
  const flow = minCostFlow(graph, source, sink, wanted);
  if (flow !== wanted) {
    throw new SharesInputError(
      "matrix-cannot-fit",
      "The roles cannot be placed so that every role and every locality total comes out exact with the preferences given"
    );
  }
  for (const e of cellEdges) if (graph[e.from][e.index].capacity === 0) units[e.i][e.j] += 1;
  return { units, exactUnits: real.map((r) => r.map((c) => c.exactUnits)) };
}

/**
 * Roles × localities: each role's FTE (rows) shared over localities by `localityWeights`
 * (e.g. the need index), in steps of `unit`, with every role total and every locality
 * total exact. Locality totals are the grand total shared by Hamilton, so they equal
 * allocateExact(sum of roleFte, localityWeights, unit).
 */
export function allocateMatrixDetailed(
  roleFte: readonly number[],
  localityWeights: readonly number[],
  unit = 1,
  options: MatrixOptions = {}
): MatrixAllocation {
  if (roleFte.length === 0)
    throw new SharesInputError("no-roles", "There are no roles to share out");
  const rows = roleFte.map((f, i) => toUnits(f, unit, `Role ${i + 1}'s FTE`));
  const grand = rows.reduce((s, r) => s + r, 0);
  // Each role is within the units limit; their sum must be too, so that role × locality
  // in units (the real matrix's numerator) stays an exact integer.
  checkUnitCount(
    grand,
    `All the roles' FTE together (${fromUnits(grand, unit)} FTE in steps of ${unit})`
  );
  const columns = allocateUnits(grand, localityWeights).units;
  const { seed } = options;
  if (seed !== undefined) {
    if (seed.length !== rows.length || seed.some((r) => r.length !== columns.length)) {
      throw new SharesInputError(
        "seed-shape",
        `The role preferences must have ${rows.length} rows of ${columns.length} localities`
      );
    }
    seed.forEach((r, i) =>
      r.forEach((x, j) => {
        if (!Number.isFinite(x) || x < 0) {
          throw new SharesInputError(
            "seed-not-valid",
            `The preference of role ${i + 1} for locality ${j + 1} must be zero or more (was ${x})`
          );
        }
      })
    );
  }
  const { units, exactUnits } = roundMatrixUnits(rows, columns, seed);
  return {
    cells: units.map((r) => r.map((u) => fromUnits(u, unit))),
    units,
    exact: exactUnits.map((r) => r.map((x) => x * unit)),
    roleTotals: rows.map((r) => fromUnits(r, unit)),
    localityTotals: columns.map((c) => fromUnits(c, unit)),
    grandTotal: fromUnits(grand, unit),
  };
}

/** FTE per role (row) per locality (column), both margins exact. For cell functions. */
export function allocateMatrix(
  roleFte: readonly number[],
  localityWeights: readonly number[],
  unit = 1,
  options: MatrixOptions = {}
): number[][] {
  return allocateMatrixDetailed(roleFte, localityWeights, unit, options).cells;
}
