// Lint files with harper.js (for bench/compare.sh).
import { LocalLinter } from "harper.js";
import { binaryInlined } from "harper.js/binaryInlined";
import { readFileSync } from "node:fs";
const linter = new LocalLinter({ binary: binaryInlined });
let lints = 0;
for (const f of process.argv.slice(2)) lints += (await linter.lint(readFileSync(f, "utf8"))).length;
console.log(lints);
