import PDFDocument from 'pdfkit';
import { createCjkFonts, type CjkFontTables, type FontWeight } from './cjk-font.js';

/**
 * A small text layout on top of pdfkit for Chinese documents: lines are broken by measured width
 * (any two ideographs may break; Latin words and numbers stay whole; closing punctuation never starts
 * a line — GB/T 15834 标点 rules in their simplest form), tables repeat their header on a new page,
 * and every page gets a footer with its number once the page count is known.
 */

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = { top: 56, bottom: 64, side: 56 };
const LINE_GAP = 1.45;
const GREY = '#8c8c8c';
const RULE = '#d9d9d9';
const HEADER_FILL = '#f5f5f5';

/** Never at the start of a line. */
const NO_LINE_START = new Set('，。、；：？！）》」』】〕…％,.;:?!)]%');

export interface TextStyle {
  size?: number;
  weight?: FontWeight;
  color?: string;
}

export interface TableColumn {
  title: string;
  /** Share of the text width. */
  share: number;
}

/** Tokens that must stay on one line: a Latin word or number, or one other character. */
function tokens(text: string): string[] {
  return text.match(/[A-Za-z0-9_.\-/:()@#%+]+|\s|./gsu) ?? [];
}

export function createPdfWriter(meta: { title: string; author: string; subject: string }, fontTables: CjkFontTables) {
  const doc = new PDFDocument({ size: 'A4', margins: { top: MARGIN.top, bottom: 0, left: MARGIN.side, right: MARGIN.side }, bufferPages: true, info: { Title: meta.title, Author: meta.author, Subject: meta.subject, Creator: 'CourtRisk' } });
  const fonts = createCjkFonts(doc, fontTables);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const textWidth = A4.width - 2 * MARGIN.side;
  const bottom = A4.height - MARGIN.bottom;
  let y = MARGIN.top;

  const widthOf = (text: string, size: number, weight: FontWeight) =>
    fonts.runs(text, weight).reduce((sum, run) => sum + doc.font(run.font).fontSize(size).widthOfString(run.text), 0);

  /** Lines of `text` no wider than `width`; explicit newlines are kept. */
  function wrap(text: string, width: number, size: number, weight: FontWeight): string[] {
    const lines: string[] = [];
    for (const paragraph of text.replace(/\t/g, ' ').split(/\r?\n/)) {
      let line = '';
      let lineWidth = 0;
      for (const token of tokens(paragraph)) {
        const tokenWidth = widthOf(token, size, weight);
        const fits = lineWidth + tokenWidth <= width;
        if (fits || line === '' || NO_LINE_START.has(token)) {
          line += token;
          lineWidth += tokenWidth;
          continue;
        }
        lines.push(line.trimEnd());
        line = token === ' ' ? '' : token;
        lineWidth = line === '' ? 0 : tokenWidth;
      }
      lines.push(line.trimEnd());
    }
    return lines;
  }

  function drawLine(line: string, x: number, top: number, size: number, weight: FontWeight, color: string) {
    let cursor = x;
    for (const run of fonts.runs(line, weight)) {
      doc.font(run.font).fontSize(size).fillColor(color).text(run.text, cursor, top, { lineBreak: false });
      cursor += doc.widthOfString(run.text);
    }
  }

  const lineHeight = (size: number) => size * LINE_GAP;

  function ensureRoom(height: number) {
    if (y + height > bottom) {
      doc.addPage();
      y = MARGIN.top;
      return true;
    }
    return false;
  }

  function paragraph(text: string, style: TextStyle = {}, indent = 0) {
    const size = style.size ?? 10.5;
    const weight = style.weight ?? 'regular';
    for (const line of wrap(text, textWidth - indent, size, weight)) {
      ensureRoom(lineHeight(size));
      drawLine(line, MARGIN.side + indent, y, size, weight, style.color ?? '#000000');
      y += lineHeight(size);
    }
  }

  function cellLines(columns: readonly TableColumn[], cells: readonly string[], size: number, weight: FontWeight) {
    return columns.map((column, index) => wrap(cells[index] ?? '', column.share * textWidth - 8, size, weight));
  }

  return {
    doc,
    textWidth,
    paragraph,
    /** Vertical space. */
    gap(points: number) {
      y += points;
    },
    heading(text: string, size = 13) {
      ensureRoom(lineHeight(size) * 3);
      y += size * 0.6;
      drawLine(text, MARGIN.side, y, size, 'bold', '#1f1f1f');
      y += lineHeight(size);
      doc.moveTo(MARGIN.side, y + 1).lineTo(MARGIN.side + textWidth, y + 1).lineWidth(0.6).strokeColor(RULE).stroke();
      y += 6;
    },
    /** A filled square in `color` followed by `label`, on its own line (the level's colour, 突发事件应对法 第六十三条). */
    swatch(label: string, color: string, size = 10.5) {
      ensureRoom(lineHeight(size));
      doc.rect(MARGIN.side, y + size * 0.15, size * 0.8, size * 0.8).fill(color);
      drawLine(label, MARGIN.side + size * 1.2, y, size, 'bold', color);
      y += lineHeight(size);
    },
    /** Label–value pairs in two columns of a light grid. */
    fields(pairs: readonly [string, string][], size = 10) {
      const labelWidth = 72;
      const half = textWidth / 2;
      for (let index = 0; index < pairs.length; index += 2) {
        const row = pairs.slice(index, index + 2).map(([label, value]) => ({ label, lines: wrap(value || '—', half - labelWidth - 8, size, 'regular') }));
        const height = Math.max(...row.map((cell) => cell.lines.length)) * lineHeight(size) + 6;
        ensureRoom(height);
        row.forEach((cell, column) => {
          const x = MARGIN.side + column * half;
          doc.rect(x, y, labelWidth, height).fill(HEADER_FILL);
          doc.rect(x, y, half, height).lineWidth(0.5).strokeColor(RULE).stroke();
          drawLine(cell.label, x + 4, y + 3, size, 'bold', '#434343');
          cell.lines.forEach((line, n) => drawLine(line, x + labelWidth + 4, y + 3 + n * lineHeight(size), size, 'regular', '#000000'));
        });
        y += height;
      }
    },
    /** A bordered table; rows never split across pages, and the header repeats after a page break. */
    table(columns: readonly TableColumn[], rows: readonly string[][], size = 9) {
      const header = () => {
        const lines = cellLines(columns, columns.map((c) => c.title), size, 'bold');
        const height = Math.max(...lines.map((l) => l.length)) * lineHeight(size) + 6;
        let x = MARGIN.side;
        columns.forEach((column, index) => {
          const width = column.share * textWidth;
          doc.rect(x, y, width, height).fill(HEADER_FILL);
          doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(RULE).stroke();
          lines[index]!.forEach((line, n) => drawLine(line, x + 4, y + 3 + n * lineHeight(size), size, 'bold', '#434343'));
          x += width;
        });
        y += height;
      };
      ensureRoom(lineHeight(size) * 4);
      header();
      for (const row of rows) {
        const lines = cellLines(columns, row, size, 'regular');
        const height = Math.max(...lines.map((l) => l.length)) * lineHeight(size) + 6;
        if (ensureRoom(height)) header();
        let x = MARGIN.side;
        columns.forEach((column, index) => {
          const width = column.share * textWidth;
          doc.rect(x, y, width, height).lineWidth(0.5).strokeColor(RULE).stroke();
          lines[index]!.forEach((line, n) => drawLine(line, x + 4, y + 3 + n * lineHeight(size), size, 'regular', '#000000'));
          x += width;
        });
        y += height;
      }
    },
    /** Writes `第 n 页 / 共 N 页` and `left` on every page, then closes the document. */
    async finish(left: string): Promise<Buffer> {
      const { start, count } = doc.bufferedPageRange();
      for (let page = start; page < start + count; page += 1) {
        doc.switchToPage(page);
        const footerY = A4.height - MARGIN.bottom + 24;
        doc.moveTo(MARGIN.side, footerY - 6).lineTo(MARGIN.side + textWidth, footerY - 6).lineWidth(0.5).strokeColor(RULE).stroke();
        drawLine(left, MARGIN.side, footerY, 8, 'regular', GREY);
        const number = `第 ${page - start + 1} 页 / 共 ${count} 页`;
        drawLine(number, MARGIN.side + textWidth - widthOf(number, 8, 'regular'), footerY, 8, 'regular', GREY);
      }
      doc.end();
      return finished;
    },
  };
}
export type PdfWriter = ReturnType<typeof createPdfWriter>;
