// One report file of any supported format → an extracted record. Dispatches on the file's
// extension; every format ends as text handed to extractText, so evidence spans always index
// the normalised text the site shows. Never throws: problems become errors naming the file.
import { extractBytes, extractText, type ExtractedReport } from "./extract.ts";

export const SUPPORTED_EXTENSIONS = [".txt", ".text"] as const;

/** Document formats that are not plain text; one without a reader here is an error. */
const KNOWN_BINARY = new Set([".doc", ".docx", ".wps", ".pdf", ".html", ".htm", ".xls", ".xlsx", ".odt", ".rtf", ".zip", ".png", ".jpg", ".jpeg", ".gif"]);

export function extensionOf(file: string): string {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? m[0].toLowerCase() : "";
}

export function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(file));
}

export async function extractFile(file: string, bytes: Uint8Array): Promise<ExtractedReport> {
  const ext = extensionOf(file);
  if (ext === ".txt" || ext === ".text") return extractBytes(file, bytes);
  // a file of no known document format is read as text if it decodes as text
  if (!KNOWN_BINARY.has(ext)) return extractBytes(file, bytes);
  const rec = extractText(file, "");
  rec.errors = [`${file}: unsupported file type${ext ? ` ${ext}` : ""} (supported: ${SUPPORTED_EXTENSIONS.join(", ")})`];
  return rec;
}
