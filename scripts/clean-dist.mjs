// Astro 5 can leave stale pages in dist/ between builds; every build starts from an empty dist/.
import { rmSync } from "node:fs";
rmSync(new URL("../dist", import.meta.url), { recursive: true, force: true });
