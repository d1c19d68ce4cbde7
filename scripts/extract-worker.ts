// A worker thread of scripts/extract.ts: extracts the files it is sent and posts their index entries back.
import { parentPort } from "node:worker_threads";
import { indexEntry } from "./extract-read.ts";

// one job after another, answered in the order sent (scripts/extract.ts may send the next before this one is done)
let done: Promise<void> = Promise.resolve();
parentPort!.on("message", (job: { path: string; label: string }) => {
  done = done.then(async () => parentPort!.postMessage(await indexEntry(job.path, job.label)));
});
