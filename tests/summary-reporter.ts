// Prints one plain closing line, "tests: N passed, N failed, N skipped", after vitest's own
// summary, so that CI logs state the count in a runner-neutral form.
import type { Reporter } from "vitest/reporters";

type Task = { type: string; mode?: string; result?: { state?: string }; tasks?: Task[] };

function count(tasks: Task[], acc = { passed: 0, failed: 0, skipped: 0 }) {
  for (const t of tasks) {
    if (t.tasks) count(t.tasks, acc);
    if (t.type !== "test") continue;
    const state = t.result?.state;
    if (state === "pass") acc.passed++;
    else if (state === "fail") acc.failed++;
    else acc.skipped++;
  }
  return acc;
}

export default class SummaryReporter implements Reporter {
  onFinished(files: Task[] = [], errors: unknown[] = []) {
    const c = count(files);
    // a file that failed outside its tests (a beforeAll, an import) counts as a failure
    for (const f of files) if (f.result?.state === "fail" && count([f]).failed === 0) c.failed++;
    const failed = c.failed + (errors.length > 0 && c.failed === 0 ? 1 : 0);
    process.stdout.write(`\ntests: ${c.passed} passed, ${failed} failed, ${c.skipped} skipped\n`);
  }
}
