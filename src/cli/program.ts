import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Command, CommanderError } from "commander";
import { runBuild, type BuildOptions } from "./build";
import { defaultBuild, type BuildWorkbook } from "./engine";
import { WorkbookRefused } from "../xlsx/limits";
import { UsageError, environmentMessage } from "./files";
import { terminalSafe } from "./format";
import { runInit } from "./init";
import { runShare, type ShareOptions } from "./share";
import type { CliIo } from "./io";

/** Exit codes, as docs/cli.md lists them. */
export const EXIT = {
  ok: 0,
  /** The workbook has errors; they are listed with their cells and nothing was written. */
  workbookErrors: 1,
  /**
   * The command could not run: a missing file, a file that is not a workbook or is over
   * the limits, a bad option, output = input, or the machine said no (disk full, no
   * permission, a name too long, the output is a folder).
   */
  usage: 2,
  /** Something unexpected went wrong; please report it. */
  failure: 3,
} as const;

/** The package version, for the provenance line ("written by estab 0.1.0"). */
export function packageVersion(): string {
  // Compiled, this file is dist/cli/cli/program.js; under ts-jest it is src/cli/program.ts.
  for (const up of ["../../..", "../.."]) {
    const file = path.resolve(__dirname, up, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "establishment-costing" && pkg.version) return pkg.version;
  }
  return "0.0.0";
}

const BUILD_HELP = `
What it does:
  Reads your workbook (the establishment table, the Assumptions sheet and the
  Localities table), checks it, costs it, and writes a NEW workbook with the
  calculated sheets and the assumptions used. Your workbook is never changed.
  If a cell needs correcting, nothing is written: the problems are listed with
  their cell addresses (for example Establishment!G12) so you can go straight
  to them.

Sheets (for --only):
  grant    grant costing, year by year across the grant window, against the grant
  cost     annual cost of the whole establishment for the first financial year
  changes  proposed versus current structure (full-year and part-year effect)
  shares   staff shared out to localities by need
  scenarios  the Assumptions sheet's scenarios compared with the base, year by
           year (built when the sheet has scenario columns)

Examples:
  estab build establishment.xlsx
      writes establishment-costed.xlsx beside it
  estab build establishment.xlsx -o "Restructure costs.xlsx"
  estab build establishment.xlsx --only grant,cost
  estab build establishment.xlsx --json > summary.json
  estab build establishment.xlsx --column "Demand=Referrals 2023/24" --column FTE=E
      read Demand from the column headed 'Referrals 2023/24' and FTE from
      column E; write localities.Locality or establishment.Locality for the
      column both tables have

  estab build establishment.xlsx --only shares --roles
      the locality shares with a roles × localities table (both totals exact)

  estab build restructure.xlsx --current "Current structure" --proposed "Proposed structure"
      a restructure kept as two lists (found without the options when the
      sheets or tables are named so: current/existing/as is, proposed/new/to be)
  estab build establishment.xlsx --establishment "Staffing 2025"
      cost that sheet or Excel Table, when the workbook has several lists
  estab build establishment.xlsx --scenario "Pay award 4%"
      the whole build with that scenario's assumptions (its column of the
      Assumptions sheet over the Value column)
  estab build establishment.xlsx --live -o live.xlsx
      your workbook with the sheets added as formulas that follow its cells and
      its Assumptions sheet; estab share live.xlsx then turns them into values

Exit codes: 0 done, 1 the workbook needs correcting (nothing written),
2 the command could not run (file not found or not a workbook, over the
limits, wrong option, disk full, no permission), 3 unexpected error.
`;

const INIT_HELP = `
What it does:
  Writes a starter workbook to fill in: an Establishment table with a few example
  posts, an Assumptions sheet with every setting at its default (first financial
  year, pay awards, pension rate, grant ...) and a Localities table. It never
  replaces an existing file.

Examples:
  estab init "Children's services 2025-26.xlsx"
  estab init budget.xlsx --scenario "Pay award 4%" --scenario "Vacancies 5%"
      the Assumptions sheet with a column for each scenario, beside the Value
      column: type only the settings each one changes
`;

function program(io: CliIo, build: BuildWorkbook, setCode: (code: number) => void): Command {
  const version = packageVersion();
  const cmd = new Command("estab")
    .description(
      "Establishment Costing: costs a staffing establishment from an Excel workbook —\n" +
        "multi-year grant costing, proposed versus current structure, and needs-led\n" +
        "locality shares. Start with 'estab init', or run 'estab build' on your workbook."
    )
    .version(version, "-V, --version", "show the version")
    .helpOption("-h, --help", "show this help")
    .helpCommand("help [command]", "show help for a command")
    .showHelpAfterError("(run 'estab --help' for how to use it)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });

  cmd
    .command("build")
    .summary("cost a workbook and write the results to a new workbook")
    .description("Cost a workbook and write the results to a new workbook.")
    .argument("<workbook.xlsx>", "your workbook")
    .option(
      "-o, --output <file.xlsx>",
      "where to write the results (default: <workbook>-costed.xlsx)"
    )
    .option(
      "--only <sheets>",
      "only these sheets, comma-separated: grant,cost,changes,shares,scenarios"
    )
    .option(
      "--column <field=header>",
      'read a column from this header or column letter, e.g. --column "Demand=Referrals 2023/24" (repeatable; see docs/cli.md)',
      (value: string, previous: string[] = []) => [...previous, value]
    )
    .option("--json", "print the summary as JSON (for scripts) instead of text")
    .option(
      "--establishment <sheet or table>",
      "the sheet or Excel Table to cost, when the workbook has several lists"
    )
    .option(
      "--current <sheet or table>",
      "a restructure's current structure, when it is a list of its own (with --proposed)"
    )
    .option(
      "--proposed <sheet or table>",
      "a restructure's proposed structure, when it is a list of its own (with --current)"
    )
    .option(
      "--live",
      "add the sheets to a copy of your workbook, as formulas over its cells (Excel with the add-in recalculates them)"
    )
    .option(
      "--roles",
      "on the locality shares sheet, share each role (posts grouped by title) across the localities too"
    )
    .option(
      "--scenario <name>",
      "build with a scenario's assumptions (a column of the Assumptions sheet headed with its name)"
    )
    .addHelpText("after", BUILD_HELP)
    .action(async (input: string, options: BuildOptions) => {
      setCode(await runBuild(input, options, io, build, version));
    });

  cmd
    .command("share")
    .summary("turn a live workbook's formulas into values, for colleagues without the add-in")
    .description(
      "Turn the live sheets of a workbook (from estab build --live or the task pane) into values: every ESTAB formula, and every formula reading another sheet, becomes the figure it shows; SUM totals over the sheet's own cells stay."
    )
    .argument("<workbook.xlsx>", "a workbook with live sheets")
    .option("-o, --output <file.xlsx>", "where to write it (default: <workbook>-shareable.xlsx)")
    .action(async (input: string, options: ShareOptions) => {
      setCode(await runShare(input, options, io));
    });

  cmd
    .command("init")
    .summary("write a starter workbook to fill in")
    .description("Write a starter workbook to fill in.")
    .argument("<new.xlsx>", "the new workbook's file name")
    .option(
      "--scenario <name>",
      "add an empty scenario column to the Assumptions sheet headed with this name (repeat for more)",
      (name: string, names: string[]) => [...names, name],
      [] as string[]
    )
    .addHelpText("after", INIT_HELP)
    .action(async (file: string, options: { scenario: string[] }) => {
      setCode(await runInit(file, io, options));
    });

  return cmd;
}

/**
 * Runs the estab command with these arguments (without "node" and the script) and
 * returns the exit code. Never calls process.exit, so tests run it in-process.
 */
export async function main(
  argv: string[],
  terminal: CliIo,
  build: BuildWorkbook = defaultBuild
): Promise<number> {
  const io = terminalSafe(terminal);
  let code: number = EXIT.ok;
  const cmd = program(io, build, (c) => (code = c));
  if (argv.length === 0) {
    cmd.outputHelp();
    return EXIT.usage;
  }
  try {
    await cmd.parseAsync(argv, { from: "user" });
    return code;
  } catch (err) {
    if (err instanceof CommanderError)
      // --help and --version "fail" with exit code 0; bad options with 1, which we report as 2.
      return err.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (err instanceof UsageError || err instanceof WorkbookRefused) {
      io.stderr.write(`estab: ${err.message}\n`);
      return EXIT.usage;
    }
    const environment = environmentMessage(err);
    if (environment !== undefined) {
      io.stderr.write(`estab: ${environment} Nothing was written.\n`);
      return EXIT.usage;
    }
    io.stderr.write(`estab: something went wrong: ${(err as Error).message ?? String(err)}\n`);
    io.stderr.write("Nothing was written. Please report this with the command you ran.\n");
    return EXIT.failure;
  }
}
