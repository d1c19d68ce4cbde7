// The spec's definitions, loaded once at build time (Vite inlines the Markdown as a string).
import markdown from "../../../spec/indicators.md?raw";
import { parseDefinitions } from "./specText.ts";

export const DEFINITIONS = parseDefinitions(markdown);
