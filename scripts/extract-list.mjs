// A worker thread of scripts/extract.ts: lists the reports folder and stats its files while the
// main thread reads the extraction cache. Plain JavaScript, so that it starts at once (no tsx).
// Posts { names, stats }: the names of the files (a link is followed; folders are left out) and,
// for each, size, mtimeMs, ctimeMs and inode, four numbers a file.
import { opendirSync, statSync } from "node:fs";
import { join } from "node:path";
import { parentPort, workerData } from "node:worker_threads";

const dir = opendirSync(workerData.dir, { bufferSize: 1024 });
const names = [];
const stats = [];
try {
  for (let e = dir.readSync(); e; e = dir.readSync()) {
    if (e.isDirectory()) continue;
    const st = statSync(join(workerData.dir, e.name), { throwIfNoEntry: false });
    if (!st?.isFile()) continue;
    names.push(e.name);
    stats.push(st.size, st.mtimeMs, st.ctimeMs, st.ino);
  }
} finally {
  dir.closeSync();
}
const packed = Float64Array.from(stats);
parentPort.postMessage({ names, stats: packed }, [packed.buffer]);
