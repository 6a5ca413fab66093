import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

/**
 * Noto Sans SC (SIL OFL 1.1), shipped by the npm package `noto-sans-sc` as ~100 static WOFF2 subsets
 * per weight, each with the `unicode-range` its CSS declares. A PDF needs one font per glyph, so text
 * is cut into runs that each use the subset holding its characters; pdfkit embeds only the glyphs used.
 * Chosen over one full TTF (10 MB per weight, 60–180 MB packages) to keep the install small.
 */
export type FontWeight = 'regular' | 'bold';

interface Face {
  file: string;
  ranges: [number, number][];
}

export interface FontRun {
  /** A pdfkit font name, registered by {@link CjkFonts.use}. */
  font: string;
  text: string;
}

/** Shown for a character no subset covers (rare ideographs outside the 13,600 in the font). */
const MISSING = '□';

function packageDir(): string {
  return path.dirname(createRequire(import.meta.url).resolve('noto-sans-sc/package.json'));
}

/** Reads `@font-face { src: url(x.woff2); unicode-range: U+4e00-4e8f, U+9f8d; }` blocks. */
function parseFaces(dir: string): Face[] {
  const css = fs.readFileSync(path.join(dir, 'css.css'), 'utf8');
  const faces: Face[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (!file || !range) continue;
    const ranges = range.split(',').map((part): [number, number] => {
      const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(from!, 16), parseInt(to ?? from!, 16)];
    });
    faces.push({ file: path.join(dir, file), ranges });
  }
  return faces;
}

/** Code point → subset index, for one weight. */
function indexFaces(faces: readonly Face[]): Map<number, number> {
  const byCodePoint = new Map<number, number>();
  faces.forEach((face, index) => {
    for (const [from, to] of face.ranges) for (let cp = from; cp <= to; cp += 1) if (!byCodePoint.has(cp)) byCodePoint.set(cp, index);
  });
  return byCodePoint;
}

export interface CjkFontTables {
  regular: { faces: Face[]; index: Map<number, number>; fonts: Buffer[] };
  bold: { faces: Face[]; index: Map<number, number>; fonts: Buffer[] };
}

let loading: Promise<CjkFontTables> | undefined;

/**
 * Both weights, decoded once per process (~200 subsets, about 0.4 s and 9 MB). WOFF2 is decoded to
 * TrueType first: fontkit's subsetter copies raw `glyf` bytes, which in WOFF2 are transformed, so
 * handing it the WOFF2 file directly embeds broken outlines.
 */
export function loadCjkFonts(): Promise<CjkFontTables> {
  loading ??= (async () => {
    // Loaded here, not at the top: its two WebAssembly decoders hold ~34 MB from the moment they are
    // imported, in every server and CLI process, though only PDF exports need them.
    const { decompress } = await import('wawoff2');
    const dir = packageDir();
    const load = async (weight: FontWeight) => {
      const faces = parseFaces(path.join(dir, `noto_sans_sc_${weight}`));
      const fonts: Buffer[] = [];
      // One at a time, copying each result at once: the decoder's output lives in WebAssembly memory
      // that the next call overwrites.
      for (const face of faces) fonts.push(Buffer.from(await decompress(fs.readFileSync(face.file))));
      return { faces, index: indexFaces(faces), fonts };
    };
    return { regular: await load('regular'), bold: await load('bold') };
  })();
  return loading;
}

/** Registers subsets with one pdfkit document as they are needed. */
export interface FontHost {
  registerFont(name: string, src: Buffer): unknown;
}

export function createCjkFonts(doc: FontHost, tables: CjkFontTables) {
  const registered = new Set<string>();
  const nameOf = (weight: FontWeight, faceIndex: number) => {
    const name = `noto-${weight}-${faceIndex}`;
    if (!registered.has(name)) {
      doc.registerFont(name, tables[weight].fonts[faceIndex]!);
      registered.add(name);
    }
    return name;
  };
  return {
    /** `text` cut into runs of one subset each; uncovered characters become □ (never a missing glyph box of another font). */
    runs(text: string, weight: FontWeight): FontRun[] {
      const { index } = tables[weight];
      const runs: FontRun[] = [];
      for (const char of text) {
        let face = index.get(char.codePointAt(0)!);
        let shown = char;
        if (face === undefined) {
          shown = MISSING;
          face = index.get(MISSING.codePointAt(0)!)!;
        }
        const font = nameOf(weight, face);
        const last = runs.at(-1);
        if (last?.font === font) last.text += shown;
        else runs.push({ font, text: shown });
      }
      return runs;
    },
  };
}
export type CjkFonts = ReturnType<typeof createCjkFonts>;
