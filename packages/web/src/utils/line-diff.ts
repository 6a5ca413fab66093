/** One line of a line-by-line comparison: kept in both, only in the old text, or only in the new. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line number in the old text; null for an added line. */
  oldLine: number | null;
  /** 1-based line number in the new text; null for a removed line. */
  newLine: number | null;
}

/**
 * Line diff of two texts by longest common subsequence (rule packs are a few hundred lines, so the
 * quadratic table is small). Removed lines come before the added lines that replace them.
 */
export function diffLines(before: string, after: string): DiffLine[] {
  const a = before.split('\n');
  const b = after.split('\n');
  const width = b.length + 1;
  // common[i * width + j]: length of the LCS of a[i..] and b[j..]
  const common = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      common[i * width + j] = a[i] === b[j] ? common[(i + 1) * width + j + 1]! + 1 : Math.max(common[(i + 1) * width + j]!, common[i * width + j + 1]!);
    }
  }
  const out: DiffLine[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && common[(i + 1) * width + j]! >= common[i * width + j + 1]!)) {
      out.push({ kind: 'removed', text: a[i]!, oldLine: i + 1, newLine: null });
      i++;
    } else {
      out.push({ kind: 'added', text: b[j]!, oldLine: null, newLine: j + 1 });
      j++;
    }
  }
  return out;
}

/** The changed lines with `context` unchanged lines around each change; a gap between hunks is null. */
export function diffHunks(lines: readonly DiffLine[], context = 2): (DiffLine | null)[] {
  const keep = lines.map(() => false);
  lines.forEach((line, index) => {
    if (line.kind === 'same') return;
    for (let k = Math.max(0, index - context); k <= Math.min(lines.length - 1, index + context); k++) keep[k] = true;
  });
  const out: (DiffLine | null)[] = [];
  lines.forEach((line, index) => {
    if (keep[index]) out.push(line);
    else if (out.length > 0 && out[out.length - 1] !== null) out.push(null);
  });
  if (out[out.length - 1] === null) out.pop();
  return out;
}
