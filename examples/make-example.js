#!/usr/bin/env node
// Regenerates examples/childrens-services.xlsx from src/cli/demo-workbook.ts.
// Run: npm run build:cli && node examples/make-example.js
const path = require("node:path");
const { childrensServicesWorkbook } = require("../dist/cli/cli/demo-workbook.js");

const out = path.join(__dirname, "childrens-services.xlsx");
childrensServicesWorkbook()
  .xlsx.writeFile(out)
  .then(() => console.log(`Wrote ${path.relative(process.cwd(), out)}`))
  .catch((err) => {
    console.error(err);
    process.exit(1);
  });
