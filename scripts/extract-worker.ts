// A worker thread of scripts/extract.ts: extracts the files it is sent and posts the records back.
import { readFileSync } from "node:fs";
import { parentPort } from "node:worker_threads";
import { extractFile } from "../src/lib/extractFile.ts";

parentPort!.on("message", async (job: { path: string; label: string; index: number }) => {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(job.path);
  } catch (e) {
    const rec = await extractFile(job.label, new Uint8Array());
    const err = e as NodeJS.ErrnoException;
    parentPort!.postMessage({ index: job.index, record: { ...rec, errors: [`${job.label}: cannot be read (${err.code ?? err.message})`] } });
    return;
  }
  parentPort!.postMessage({ index: job.index, record: await extractFile(job.label, bytes) });
});
