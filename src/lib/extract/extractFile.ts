// One report file of any supported format → an extracted record. Dispatches on the file's
// extension; every format ends as text handed to extractText, so evidence spans always index
// the normalised text the site shows. Never throws: problems become errors naming the file.
import { extractBytes, extractText, type ExtractedReport } from "./extract.ts";
import { type FormatText, FormatError } from "./formats/common.ts";
import { readDocx } from "./formats/docx.ts";
import { readHtml } from "./formats/html.ts";
import { readPdf } from "./formats/pdf.ts";

export const SUPPORTED_EXTENSIONS = [".txt", ".text", ".docx", ".html", ".htm", ".pdf"] as const;

/** Document formats that are not plain text and have no reader here: an error, not read as text. */
const KNOWN_BINARY = new Set([".doc", ".wps", ".xls", ".xlsx", ".et", ".odt", ".rtf", ".mht", ".mhtml", ".ofd", ".zip", ".rar", ".7z", ".png", ".jpg", ".jpeg", ".gif", ".tif", ".tiff"]);

/** Readers of document formats, by extension, and the name of the format they read. */
const READERS: Record<string, { format: string; read: (bytes: Uint8Array) => Promise<FormatText> }> = {
  ".docx": { format: "docx", read: readDocx },
  ".html": { format: "html", read: readHtml },
  ".htm": { format: "html", read: readHtml },
  ".pdf": { format: "pdf", read: readPdf },
};

export function extensionOf(file: string): string {
  const m = /\.[^./\\]+$/.exec(file);
  return m ? m[0].toLowerCase() : "";
}

export function isSupported(file: string): boolean {
  return (SUPPORTED_EXTENSIONS as readonly string[]).includes(extensionOf(file));
}

function failed(file: string, message: string): ExtractedReport {
  const rec = extractText(file, "");
  rec.errors = [message];
  return rec;
}

export async function extractFile(file: string, bytes: Uint8Array): Promise<ExtractedReport> {
  const ext = extensionOf(file);
  if (ext === ".txt" || ext === ".text") return extractBytes(file, bytes);
  const reader = READERS[ext];
  if (reader) {
    if (bytes.length === 0) return failed(file, `${file}: empty input: the file has 0 bytes`);
    let doc: FormatText;
    try {
      doc = await reader.read(bytes);
    } catch (e) {
      if (e instanceof FormatError) return failed(file, `${file}: ${e.message}`);
      return failed(file, `${file}: not a valid ${ext} file: ${(e as Error)?.message ?? String(e)}`);
    }
    // the record says which format the text came from (and, for web pages, the charset)
    const encoding = doc.encoding ? `${reader.format}/${doc.encoding}` : reader.format;
    return extractText(file, doc.text, encoding, doc.pages);
  }
  // a file of no known document format is read as text if it decodes as text
  if (!KNOWN_BINARY.has(ext)) return extractBytes(file, bytes);
  return failed(file, `${file}: unsupported file type${ext ? ` ${ext}` : ""} (supported: ${SUPPORTED_EXTENSIONS.join(", ")})`);
}
