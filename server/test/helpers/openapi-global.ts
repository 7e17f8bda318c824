import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createResponseValidator, type RecordedResponse } from './openapi-validator.js';

/**
 * Every answer any test app sends is recorded (helpers/app.ts); when the run ends, each one is
 * validated against the OpenAPI document the server publishes. A status the operation does not
 * declare, a body that does not match its schema, or an undeclared property fails the run.
 */
export default function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'opendinar-responses-'));
  project.provide('responseLogDir', dir);
  return async () => {
    try {
      const records: RecordedResponse[] = [];
      for (const f of readdirSync(dir)) {
        for (const line of readFileSync(join(dir, f), 'utf8').split('\n')) {
          if (line) records.push(JSON.parse(line) as RecordedResponse);
        }
      }
      if (records.length === 0) return;
      const { createTestApp } = await import('./app.js');
      const t = await createTestApp({ seed: false, record: false });
      const doc = t.app.swagger();
      await t.close();
      const check = createResponseValidator(doc as never);
      const problems = new Set<string>();
      for (const r of records) for (const p of check(r)) problems.add(r.file ? `${p} [${r.file}]` : p);
      const summary = `OpenAPI replay: ${records.length} recorded responses checked against /openapi.json, ${problems.size} problems`;
      const out = process.env.VITEST_JSON ? join(process.env.VITEST_JSON, '..') : null;
      if (out) {
        mkdirSync(out, { recursive: true });
        writeFileSync(join(out, 'openapi-replay.txt'), [summary, ...problems].join('\n'));
      }
      console.log(summary);
      if (problems.size > 0) {
        // A teardown error alone does not change vitest's exit code.
        process.exitCode = 1;
        throw new Error(`${summary}:\n${[...problems].slice(0, 50).join('\n')}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };
}
