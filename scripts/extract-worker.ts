// A worker thread of scripts/extract.ts: extracts the files it is sent and posts their index entries back.
import { parentPort } from "node:worker_threads";
import { indexEntry } from "./extract-read.ts";

parentPort!.on("message", async (job: { path: string; label: string }) => {
  parentPort!.postMessage(await indexEntry(job.path, job.label));
});
