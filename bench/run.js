// Compiles nothing itself: `npm run bench` builds bench/ with tsconfig.bench.json first.
// Runs each compiled bench/*.bench.js in its own process (so memory figures are its own)
// and prints their Markdown for docs/performance.md.
const { execFileSync } = require("node:child_process");
const { readdirSync } = require("node:fs");
const path = require("node:path");

const dir = path.join(__dirname, "..", "dist", "bench", "bench");
const only = process.argv[2];
for (const file of readdirSync(dir)
  .filter((f) => f.endsWith(".bench.js"))
  .sort()) {
  if (only && !file.includes(only)) continue;
  process.stdout.write(`\n## ${file.replace(".bench.js", "")}\n\n`);
  execFileSync(process.execPath, ["--expose-gc", path.join(dir, file)], { stdio: "inherit" });
}
