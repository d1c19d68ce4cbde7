// A worker of extract-throughput.ts: reads its share of the corpus, then extracts it on command,
// from text in memory ("memory") or reading each file again ("files").
import { readFileSync } from "node:fs";
import { parentPort, workerData } from "node:worker_threads";
import { decodeBytes } from "../../src/lib/extract/decode.ts";
import { extractBytes, extractText } from "../../src/lib/extract/extract.ts";

interface Data {
  files: string[];
}

const { files } = workerData as Data;
const port = parentPort!;
const texts = files.map((f) => decodeBytes(readFileSync(f)).text);
// the division list and opencc tables load on first use; not part of the throughput
// and a few reports for the JIT, as the single-process run does
for (let i = 0; i < Math.min(100, files.length); i++) extractText(files[i]!, texts[i]!);
port.postMessage({ type: "ready" });

port.on("message", (msg: { type: "memory" | "files" | "exit" }) => {
  if (msg.type === "exit") {
    port.close();
    return;
  }
  let checksum = 0;
  let errors = 0;
  const t0 = performance.now();
  for (let i = 0; i < files.length; i++) {
    const rec = msg.type === "memory" ? extractText(files[i]!, texts[i]!) : extractBytes(files[i]!, readFileSync(files[i]!));
    checksum += Object.keys(rec.indicators).length;
    errors += rec.errors.length;
  }
  port.postMessage({ type: "done", ms: performance.now() - t0, checksum, errors });
});
