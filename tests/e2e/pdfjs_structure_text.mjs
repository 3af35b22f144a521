// The structure text of a PDF as pdf.js (Firefox's viewer) builds it for screen readers:
// page.getStructTree() with the marked content of page.getTextContent(). Prints one line per
// block element (paragraph, heading, list item, label, table cell...), its text as pdf.js joins
// it, pages in order. usage: node pdfjs_structure_text.mjs PDFJS_DIR FILE.pdf
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import path from "node:path";

const [pdfjsDir, file] = process.argv.slice(2);
const pdfjs = await import(pathToFileURL(path.join(pdfjsDir, "legacy/build/pdf.mjs")).href);
const blocks = new Set(["P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "Lbl", "LBody",
                        "TD", "TH", "Caption", "Figure", "BlockQuote", "Note"]);

// Marked-content id -> its text, in content order.
function markedText(content) {
  const text = new Map();
  const open = [];
  for (const item of content.items) {
    if (item.type === "beginMarkedContentProps" || item.type === "beginMarkedContent") {
      open.push(item.id ?? null);
    } else if (item.type === "endMarkedContent") {
      open.pop();
    } else if (item.str !== undefined) {
      const id = open.findLast((x) => x !== null);
      if (id === undefined) continue;
      text.set(id, (text.get(id) ?? "") + item.str + (item.hasEOL ? "\n" : ""));
    }
  }
  return text;
}

// An element's /Alt or /ActualText (pdf.js's `alt`) is what Firefox gives the screen reader
// (aria-label) in place of its content.
function textOf(node, marked) {
  if (node.type === "content") return marked.get(node.id) ?? "";
  if (node.alt !== undefined) return node.alt;
  return (node.children ?? []).map((kid) => textOf(kid, marked)).join("");
}

function walk(node, marked, out) {
  if (node.role && blocks.has(node.role) && !(node.children ?? []).some((k) => k.role && blocks.has(k.role))) {
    out.push(`[${node.role}] ${textOf(node, marked).trim()}`);
    return;
  }
  for (const kid of node.children ?? []) walk(kid, marked, out);
}

const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0 }).promise;
const out = [];
for (let p = 1; p <= doc.numPages; ++p) {
  const page = await doc.getPage(p);
  const tree = await page.getStructTree();
  const marked = markedText(await page.getTextContent({ includeMarkedContent: true }));
  if (tree) walk(tree, marked, out);
}
console.log(out.join("\n"));
