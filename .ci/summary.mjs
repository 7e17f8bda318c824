// Prints one closing line CI can read: "tests: N passed, N failed" over every vitest JSON report given.
import { existsSync, readFileSync } from 'node:fs';

let passed = 0;
let failed = 0;
let skipped = 0;
let missing = 0;
for (const file of process.argv.slice(2)) {
  const path = file;
  if (!existsSync(path)) {
    console.log(`${file}: no report (the run did not finish)`);
    missing++;
    continue;
  }
  const r = JSON.parse(readFileSync(path, 'utf8'));
  console.log(
    `${file}: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests} skipped`,
  );
  passed += r.numPassedTests;
  // A test file that failed to load has no test results of its own; count it as one failure.
  const brokenFiles = r.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  ).length;
  failed += r.numFailedTests + brokenFiles;
  skipped += r.numPendingTests;
}
console.log(`tests: ${passed} passed, ${failed + missing} failed, ${skipped} skipped`);
process.exit(failed + missing > 0 || passed === 0 ? 1 : 0);
