/** One line of a line-by-line comparison: kept in both, only in the old text, or only in the new. */
export interface DiffLine {
  kind: 'same' | 'removed' | 'added';
  text: string;
  /** 1-based line number in the old text; null for an added line. */
  oldLine: number | null;
  /** 1-based line number in the new text; null for a removed line. */
  newLine: number | null;
  /** The part of a rewritten line that differs from its counterpart (UTF-16 offsets, end exclusive). */
  changed?: { start: number; end: number };
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

/**
 * Marks what changed inside rewritten lines: in each run of removed lines followed by added lines,
 * the k-th removed line is paired with the k-th added one and the span between their common prefix
 * and suffix is marked. A keyword added to a long list then stands out instead of the whole line.
 * Pairs with nothing in common stay unmarked.
 */
export function markChangedSpans(lines: readonly DiffLine[]): DiffLine[] {
  const out = lines.map((line) => ({ ...line }));
  let index = 0;
  while (index < out.length) {
    if (out[index]!.kind !== 'removed') {
      index++;
      continue;
    }
    let added = index;
    while (added < out.length && out[added]!.kind === 'removed') added++;
    let end = added;
    while (end < out.length && out[end]!.kind === 'added') end++;
    for (let k = 0; k < Math.min(added - index, end - added); k++) {
      const spans = differingSpans(out[index + k]!.text, out[added + k]!.text);
      if (spans) [out[index + k]!.changed, out[added + k]!.changed] = spans;
    }
    index = end;
  }
  return out;
}

const isLowSurrogate = (text: string, at: number) => at > 0 && at < text.length && (text.charCodeAt(at) & 0xfc00) === 0xdc00;

function differingSpans(before: string, after: string): [{ start: number; end: number }, { start: number; end: number }] | null {
  const shorter = Math.min(before.length, after.length);
  let prefix = 0;
  while (prefix < shorter && before[prefix] === after[prefix]) prefix++;
  // Never cut a character outside the Basic Multilingual Plane in two.
  if (isLowSurrogate(before, prefix) || isLowSurrogate(after, prefix)) prefix--;
  let suffix = 0;
  while (suffix < shorter - prefix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++;
  if (isLowSurrogate(before, before.length - suffix) || isLowSurrogate(after, after.length - suffix)) suffix--;
  if (prefix === 0 && suffix === 0) return null;
  return [
    { start: prefix, end: before.length - suffix },
    { start: prefix, end: after.length - suffix },
  ];
}
