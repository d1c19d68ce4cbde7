// A Word file (.docx) → the report's text, with mammoth: the body in reading order, paragraphs
// as lines, each table row as one line with its cells separated by tabs. Headers, footers and
// comments are not part of mammoth's output; footnotes and endnotes come after the body.
import { parseHTML } from "linkedom";
import { type DomNode, type FormatText, FormatError, blockLines, tagOf } from "./common.js";

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, sig: number[]): boolean {
  return bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);
}

/** Footnote and endnote links ([1] in the text, ↑ after the note): not words of the report. */
function isNoteLink(el: DomNode): boolean {
  if (tagOf(el) !== "a") return false;
  const href = el.getAttribute?.("href") ?? "";
  return /^#(?:footnote|endnote|comment)-/.test(href);
}

/** Bytes of a .docx file → the report's text. Throws FormatError. */
export async function readDocx(bytes: Uint8Array): Promise<FormatText> {
  if (startsWith(bytes, OLE)) {
    throw new FormatError(
      "not a valid .docx file: it is an old Word 97-2003 document or a password-protected file; save it as .docx without a password",
    );
  }
  if (!startsWith(bytes, [0x50, 0x4b])) throw new FormatError("not a valid .docx file: it is not a ZIP package");
  // loaded on first use: reading .txt reports does not pay for it
  const mammoth = (await import("mammoth")).default;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) },
      {
        // images carry no text: do not inline them as data URIs
        convertImage: mammoth.images.imgElement(async () => ({ src: "" })),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch (e) {
    const msg = ((e as Error)?.message ?? String(e)).trim().split("\n")[0];
    throw new FormatError(`not a valid .docx file: ${msg}`);
  }
  const { document } = parseHTML(`<!DOCTYPE html><html><head></head><body>${html}</body></html>`) as unknown as {
    document: { body: DomNode };
  };
  const lines = blockLines(document.body, isNoteLink).map((l) => l.text);
  return { text: lines.join("\n") };
}
