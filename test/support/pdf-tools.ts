import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Reads PDFs the way a person would, through poppler's own tools (Debian package poppler-utils), so a
 * test checks what a viewer shows rather than what our code meant to write.
 */

function poppler(tool: string, args: string[], input: Buffer): Buffer {
  try {
    return execFileSync(tool, args, { input, maxBuffer: 256 * 1024 * 1024 });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new Error(`${tool} is not installed; the PDF tests need poppler-utils (apt-get install -y poppler-utils).`);
    const stderr = String((error as { stderr?: Buffer }).stderr ?? '').trim();
    throw new Error(`${tool} could not read the PDF: ${stderr || (error as Error).message}`);
  }
}

/** The text of every page, laid out as on the page (pdftotext -layout); pages end with a form feed. */
export function pdfText(buffer: Buffer): string {
  return poppler('pdftotext', ['-layout', '-enc', 'UTF-8', '-', '-'], buffer).toString('utf8');
}

/** The text of each page on its own. */
export function pdfPageTexts(buffer: Buffer): string[] {
  const pages = pdfText(buffer).split('\f');
  // pdftotext ends the last page with a form feed too, which leaves one empty piece after it.
  if (pages.at(-1) === '') pages.pop();
  return pages;
}

export function pdfPageCount(buffer: Buffer): number {
  return pdfPageTexts(buffer).length;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'", '&#39;': "'" };
const unescapeHtml = (text: string) => text.replace(/&(?:amp|lt|gt|quot|apos|#39);/g, (entity) => ENTITIES[entity] ?? entity);

export interface WordBox {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

/** Every word pdftotext finds, with its box in points from the page's top left (pdftotext -bbox). */
export function pdfWordBoxes(buffer: Buffer): WordBox[] {
  const html = poppler('pdftotext', ['-bbox', '-enc', 'UTF-8', '-', '-'], buffer).toString('utf8');
  const boxes: WordBox[] = [];
  let page = 0;
  const tags = /<page\b[^>]*>|<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
  for (const match of html.matchAll(tags)) {
    if (match[0].startsWith('<page')) {
      page += 1;
      continue;
    }
    boxes.push({ page, text: unescapeHtml(match[5] ?? ''), xMin: Number(match[1]), yMin: Number(match[2]), xMax: Number(match[3]), yMax: Number(match[4]) });
  }
  return boxes;
}

/**
 * One PNG per page at 60 dpi in `dir`, named `<prefix>-<page>.png`; earlier images with the same
 * prefix are removed first so the list is exactly this document's pages. Returns the paths in page order.
 */
export function pdfPagesToPng(buffer: Buffer, dir: string, prefix = 'page'): string[] {
  mkdirSync(dir, { recursive: true });
  const ours = (name: string) => name.startsWith(`${prefix}-`) && /^\d+\.png$/.test(name.slice(prefix.length + 1));
  for (const name of readdirSync(dir).filter(ours)) rmSync(join(dir, name));
  poppler('pdftoppm', ['-png', '-r', '60', '-', join(dir, prefix)], buffer);
  const pageOf = (name: string) => Number(name.slice(prefix.length + 1, -'.png'.length));
  return readdirSync(dir)
    .filter(ours)
    .sort((a, b) => pageOf(a) - pageOf(b))
    .map((name) => join(dir, name));
}
