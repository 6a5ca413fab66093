/**
 * Negation context for keyword hits (PRODUCT.md §6 "exclusions and negation context"): a hit is void
 * when a negation cue such as 未/没有/否认/并非/不是 stands shortly before it in the same clause —
 * "被告人否认曾殴打他人" must not count as a statement that he beat someone.
 */

/** How a rule pack recognises negation. Packs may override the default below. */
export interface NegationSettings {
  /** Words that negate what follows them. */
  readonly cues: readonly string[];
  /**
   * Phrases that contain a cue but do not negate what follows (未经批准 still asserts the act that
   * follows; 未成年 is not a negation). A cue inside one of these at that position is skipped.
   */
  readonly ignore: readonly string[];
  /** How many UTF-16 code units before the keyword a cue may start. */
  readonly window: number;
}

/**
 * Default settings, written for the register of Chinese judgments: cues that deny a fact, and the
 * common legal phrases that merely begin with one (未经…批准/许可, 未取得…许可, 未成年人, 未遂…).
 */
export const DEFAULT_NEGATION: NegationSettings = {
  cues: ['未', '没有', '并未', '否认', '并非', '不是', '不存在', '不属于', '不构成', '无证据证明'],
  ignore: [
    '未经',
    '未取得',
    '未办理',
    '未依法',
    '未按',
    '未成年',
    '未满',
    '未果',
    '未遂',
    '未能',
    '未归还',
    '未偿还',
    '未支付',
    '未兑付',
    '未履行',
    '未到',
    '未如实',
    '未予',
    '没有取得',
    '没有经过',
  ],
  window: 8,
};

/**
 * Clause boundaries stop the look-back: a cue in an earlier clause ("未经许可，向社会公众…") does
 * not reach into the next one. The enumeration comma 、 is not a boundary: in "没有殴打、辱骂他人"
 * both verbs are denied.
 */
const CLAUSE_BOUNDARIES = '，,。；;！!？?\n\r';

/** A compiled `NegationSettings`: answers "is the hit starting at `start` negated?". */
export interface NegationMatcher {
  isNegated(text: string, start: number): boolean;
}

interface CompiledCue {
  readonly cue: string;
  /** Ignored phrases containing this cue, with the cue's offset inside each phrase. */
  readonly ignoredAt: readonly { phrase: string; offset: number }[];
}

/**
 * Prepares `settings` for repeated use. The look-back walks at most `window` code units, with
 * one typed-array lookup per unit (boundary? last unit of a cue?), because it runs for every
 * keyword hit of every case. Edge cases: a hit at offset 0 or right after a clause boundary is
 * never negated; a cue may end exactly where the keyword starts ("没有殴打"); a cue must start
 * inside the window; a cue that overlaps the keyword itself is not "before" it.
 */
export function compileNegation(settings: NegationSettings): NegationMatcher {
  const isBoundary = new Uint8Array(0x10000);
  for (const boundary of CLAUSE_BOUNDARIES) isBoundary[boundary.charCodeAt(0)] = 1;
  const cuesEndingWith = new Map<number, CompiledCue[]>();
  const endsSomeCue = new Uint8Array(0x10000);
  for (const cue of settings.cues) {
    const lastUnit = cue.charCodeAt(cue.length - 1);
    endsSomeCue[lastUnit] = 1;
    const ignoredAt = settings.ignore.flatMap((phrase) => offsetsOf(cue, phrase).map((offset) => ({ phrase, offset })));
    cuesEndingWith.set(lastUnit, [...(cuesEndingWith.get(lastUnit) ?? []), { cue, ignoredAt }]);
  }
  const window = settings.window;

  return {
    isNegated(text, start) {
      const limit = Math.max(0, start - window);
      for (let i = start - 1; i >= limit; i--) {
        const unit = text.charCodeAt(i);
        if (isBoundary[unit] === 1) return false;
        if (endsSomeCue[unit] !== 1) continue;
        for (const { cue, ignoredAt } of cuesEndingWith.get(unit)!) {
          const cueStart = i + 1 - cue.length;
          if (cueStart < limit || !text.startsWith(cue, cueStart)) continue;
          if (!ignoredAt.some(({ phrase, offset }) => cueStart >= offset && text.startsWith(phrase, cueStart - offset))) return true;
        }
      }
      return false;
    },
  };
}

function offsetsOf(needle: string, haystack: string): number[] {
  const offsets: number[] = [];
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) offsets.push(at);
  return offsets;
}
