/* eslint-disable no-control-regex -- these tests look for control characters */
import { spawn, spawnSync } from "node:child_process";
import fs, {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import fc from "fast-check";
import type { BuildResult } from "../../src/core/workbook/types";
import { capture, recordingBuild } from "./support";
import { main } from "../../src/cli/main";
import { EXIT } from "../../src/cli/program";
import { environmentMessage, openOutput, sweepStaleTemps, UsageError } from "../../src/cli/files";
import { escapeControls } from "../../src/cli/format";
import type { BuildJson } from "../../src/cli/build";
import { childrensServicesWorkbook, largeWorkbook } from "../../src/cli/demo-workbook";
import { CLI_BUILD, ensureBuilt } from "../support/builds";
import { assumptionsSpec, grantSpec } from "../xlsx/sample-specs";

/** A stand-in for the core that records whether it was asked at all. */
function fakeBuild(result: Partial<BuildResult> = {}) {
  return recordingBuild({
    ok: true,
    issues: [],
    sheets: [grantSpec(), assumptionsSpec()],
    summaries: [],
    ...result,
  });
}

const ENOSPC = () => Object.assign(new Error("no space left on device"), { code: "ENOSPC" });

let dir: string;
let input: string;
beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "estab-env-"));
  input = path.join(dir, "staff.xlsx");
  await childrensServicesWorkbook().xlsx.writeFile(input);
});
afterEach(() => {
  jest.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

describe("the machine's refusals are exit 2 in a plain sentence, found before the work", () => {
  async function refused(output: string) {
    const { build, calls } = fakeBuild();
    const c = capture();
    const code = await main(["build", input, "-o", output], c.io, build);
    return { code, calls, stderr: c.stderr() };
  }

  it("an output that is a folder", async () => {
    const folder = path.join(dir, "results.xlsx");
    mkdirSync(folder);
    const r = await refused(folder);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toBe(
      `estab: '${folder}' is a folder, not a file. Give a file name ending in .xlsx.\n`
    );
    expect(r.calls).toHaveLength(0);
  });

  it("an output below a file", async () => {
    const r = await refused(path.join(input, "costed.xlsx"));
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toMatch(
      /^estab: Part of the path '.*' is a file, not a folder\. Check the path\.\n$/
    );
    expect(r.calls).toHaveLength(0);
  });

  it("an output name too long for the disk", async () => {
    const output = path.join(dir, `${"Restructure costs ".repeat(16)}.xlsx`);
    const r = await refused(output);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toBe(
      `estab: The file name '${output}' is too long for this disk. Choose a shorter name.\n`
    );
    expect(r.calls).toHaveLength(0);
  });

  it("a long name the disk takes is written (the temporary file's name is cut to fit)", async () => {
    const output = path.join(dir, `${"é".repeat(120)}.xlsx`); // 245 bytes
    const c = capture();
    expect(await main(["build", input, "-o", output], c.io, fakeBuild().build)).toBe(EXIT.ok);
    expect(existsSync(output)).toBe(true);
  });

  (existsSync("/sys") ? it : it.skip)(
    "a folder that cannot be written (even as root: /sys)",
    async () => {
      const r = await refused("/sys/costed.xlsx");
      expect(r.code).toBe(EXIT.usage);
      expect(r.stderr).toBe(
        "estab: You do not have permission to write or read '/sys/costed.xlsx'. Choose another place with -o, or ask for access.\n"
      );
      expect(r.calls).toHaveLength(0);
    }
  );

  it("a full disk while writing: exit 2, no output, no temporary file", async () => {
    const real = fs.createWriteStream;
    jest.spyOn(fs, "createWriteStream").mockImplementation(((
      file: fs.PathLike,
      options?: unknown
    ) => {
      const stream = real(file, options as Parameters<typeof real>[1]);
      stream._write = (_chunk, _enc, callback) => callback(ENOSPC());
      return stream;
    }) as typeof fs.createWriteStream);
    const output = path.join(dir, "costed.xlsx");
    const c = capture();
    const { build, calls } = fakeBuild();
    expect(await main(["build", input, "-o", output], c.io, build)).toBe(EXIT.usage);
    expect(c.stderr()).toBe(
      `estab: The disk is full (writing '${output}'). Free some space or write somewhere else with -o. Nothing was written.\n`
    );
    expect(calls).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(["staff.xlsx"]);
  });

  it("an input that is a folder, or missing", async () => {
    const folder = path.join(dir, "folder.xlsx");
    mkdirSync(folder);
    let c = capture();
    expect(await main(["build", folder, "-o", path.join(dir, "o.xlsx")], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toBe(
      `estab: '${folder}' is a folder, not a file. Give a file name ending in .xlsx.\n`
    );
    c = capture();
    expect(await main(["build", path.join(dir, "gone.xlsx")], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toContain("Cannot find the workbook");
    expect(readdirSync(dir).sort()).toEqual(["folder.xlsx", "staff.xlsx"]);
  });

  it("names each failure of the machine in words, and nothing else", () => {
    expect(environmentMessage(ENOSPC(), "a.xlsx")).toBe(
      "The disk is full (writing 'a.xlsx'). Free some space or write somewhere else with -o."
    );
    expect(environmentMessage(Object.assign(new Error(), { code: "EROFS" }), "a.xlsx")).toBe(
      "'a.xlsx' is on a read-only disk. Choose another place with -o."
    );
    expect(environmentMessage(new Error("boom"))).toBeUndefined();
    expect(environmentMessage(undefined)).toBeUndefined();
  });
});

describe("files that are not workbooks", () => {
  it("a zip with no workbook inside is refused, not built into an Assumptions-only file", async () => {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", "<Types/>");
    zip.file("docs/readme.txt", "not a workbook");
    const file = path.join(dir, "export.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "uint8array" }));
    const { build, calls } = fakeBuild();
    const c = capture();
    expect(await main(["build", file], c.io, build)).toBe(EXIT.usage);
    expect(c.stderr()).toBe(
      `estab: '${file}' is a zip file with no Excel workbook inside (no xl/workbook.xml). Open it in Excel and save it as .xlsx.\n`
    );
    expect(calls).toHaveLength(0);
    expect(readdirSync(dir).sort()).toEqual(["export.xlsx", "staff.xlsx"]);
  });

  it("a file over the size limit, refused before it is read", async () => {
    const file = path.join(dir, "huge.xlsx");
    // Sparse: 101 MB on paper, nothing on the disk.
    fs.closeSync(fs.openSync(file, "w"));
    fs.truncateSync(file, 101 * 1024 * 1024);
    const read = jest.spyOn(fs.promises, "readFile");
    const c = capture();
    expect(await main(["build", file], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toBe(`estab: '${file}' is 101 MB; workbooks over 100 MB are not read.\n`);
    expect(read).not.toHaveBeenCalled();
  });

  it("a text file named .xlsx", async () => {
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, "Post,FTE\n");
    const c = capture();
    expect(await main(["build", file], c.io)).toBe(EXIT.usage);
    expect(c.stderr()).toBe(
      `estab: '${file}' is a text file (a CSV or similar), not an Excel workbook. Open it in Excel and save it as an Excel Workbook (.xlsx).\n`
    );
    expect(readdirSync(dir).sort()).toEqual(["notes.xlsx", "staff.xlsx"]);
  });
});

describe("temporary files", () => {
  it("are swept when their run was killed outright, and only then", async () => {
    const dead = spawnSync(process.execPath, ["-e", "0"]).pid!;
    const stale = `.costed.xlsx.${dead}.1733300000000.tmp`;
    const running = `.costed.xlsx.${process.ppid}.1733300000000.tmp`;
    const theirs = ".costed.xlsx.tmp";
    for (const name of [stale, running, theirs]) writeFileSync(path.join(dir, name), "x");
    const c = capture();
    expect(
      await main(["build", input, "-o", path.join(dir, "costed.xlsx")], c.io, fakeBuild().build)
    ).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([running, theirs, "costed.xlsx", "staff.xlsx"].sort());
  });

  it("sweepStaleTemps never fails on a folder it cannot read", async () => {
    await expect(sweepStaleTemps(path.join(dir, "missing"))).resolves.toBeUndefined();
  });

  it("are opened before the work and removed when nothing is written", async () => {
    const output = path.join(dir, "out.xlsx");
    let seen: string[] = [];
    const build = (): BuildResult => {
      seen = readdirSync(dir);
      return { ok: false, issues: [], sheets: [], summaries: [] };
    };
    expect(await main(["build", input, "-o", output], capture().io, build)).toBe(1);
    expect(seen.filter((n) => n.endsWith(".tmp"))).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(["staff.xlsx"]);
  });

  it("folders made for the output are removed again when nothing is written", async () => {
    const output = path.join(dir, "results", "2025", "out.xlsx");
    const build = (): BuildResult => ({ ok: false, issues: [], sheets: [], summaries: [] });
    expect(await main(["build", input, "-o", output], capture().io, build)).toBe(1);
    expect(readdirSync(dir)).toEqual(["staff.xlsx"]);
  });

  it("a failure of the writer leaves the target as it was", async () => {
    const target = path.join(dir, "t.xlsx");
    writeFileSync(target, "old");
    const file = await openOutput(target);
    await expect(
      file.write(async (out) => {
        out.destroy(ENOSPC());
        await new Promise((resolve) => setTimeout(resolve, 10));
      })
    ).rejects.toThrow(UsageError);
    expect(fs.readFileSync(target, "utf8")).toBe("old");
    expect(readdirSync(dir).sort()).toEqual(["staff.xlsx", "t.xlsx"]);
  });

  describe("the built command, stopped", () => {
    let BUILT = "";
    let big = "";
    beforeAll(async () => {
      BUILT = ensureBuilt(CLI_BUILD).marker;
      big = path.join(mkdtempSync(path.join(tmpdir(), "estab-big-")), "big.xlsx");
      await largeWorkbook(20_000).xlsx.writeFile(big);
    }, 600_000);
    afterAll(() => rmSync(path.dirname(big), { recursive: true, force: true }));

    it.each(["SIGINT", "SIGTERM"] as const)(
      "by %s while it works, leaves no temporary file and no output",
      async (signal) => {
        const output = path.join(dir, "costed.xlsx");
        const child = spawn(process.execPath, [BUILT, "build", big, "-o", output], {
          stdio: "ignore",
        });
        const exited = new Promise<NodeJS.Signals | null>((resolve) =>
          child.on("exit", (_code, sig) => resolve(sig))
        );
        // The temporary file is made before the reading starts: stop the run once it is there.
        while (!readdirSync(dir).some((n) => n.endsWith(".tmp")))
          await new Promise((resolve) => setTimeout(resolve, 10));
        child.kill(signal);
        expect(await exited).toBe(signal);
        expect(readdirSync(dir)).toEqual(["staff.xlsx"]);
      },
      120_000
    );
  });
});

describe("text from the workbook is printed with control characters escaped", () => {
  const hostile = "Social Worker\u001b]0;owned\u0007\u001b[2J\r\u009b31m\u202egnp.exe";
  const issue = {
    severity: "warning" as const,
    code: "x",
    sheet: "Staff\u001b[1A",
    address: "B4",
    message: `Post title '${hostile}' looks odd`,
    fix: "check it",
  };
  const summaries: BuildResult["summaries"] = [
    {
      key: "grant",
      sheetName: "Grant costing",
      headline: `Headroom for ${hostile}`,
      figures: [{ label: `Label\u001b[31m`, value: 1, format: "money" }],
      warnings: [`warn ${hostile}`],
      charts: [],
    },
  ];

  it("in the text summary and the issue list", async () => {
    const c = capture(true);
    const code = await main(
      ["build", input, "-o", path.join(dir, "o.xlsx")],
      c.io,
      fakeBuild({ issues: [issue], summaries }).build
    );
    expect(code).toBe(0);
    const printed = c.stdout() + c.stderr().replaceAll("\r\u001b[2K", "");
    expect(printed).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(c.stdout()).toContain(
      "Social Worker\\u001b]0;owned\\u0007\\u001b[2J\\u000d\\u009b31m\\u202egnp.exe"
    );
    // The progress line's own clear still works.
    expect(c.stderr()).toContain("\r\u001b[2KReading staff.xlsx");
  });

  it("in --json, which stays valid and reads back as typed", async () => {
    const c = capture();
    await main(
      ["build", input, "-o", path.join(dir, "o.xlsx"), "--json"],
      c.io,
      fakeBuild({ issues: [issue], summaries }).build
    );
    expect(c.stdout()).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202e]/);
    const json = JSON.parse(c.stdout()) as BuildJson;
    expect(json.issues[0].message).toBe(issue.message);
    expect(json.sheets[0].headline).toBe(summaries[0].headline);
  });

  it("escapeControls: nothing unsafe survives, safe text is untouched, JSON reads back (any text)", () => {
    const unsafe =
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const escaped = escapeControls(s);
        expect(escaped).not.toMatch(unsafe);
        if (!unsafe.test(s)) expect(escaped).toBe(s);
        expect(JSON.parse(escapeControls(JSON.stringify(s)))).toBe(s);
      })
    );
  });
});
