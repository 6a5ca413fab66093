import { foldText } from './automaton.js';

/** Whitespace of any width (incl. U+3000 全角空格, NBSP, BOM) and the zero-width characters pasted names carry. */
const SPACES = /[\s\u200b-\u200d\u2060]+/g;
/** Middle dots written between the parts of transliterated names (阿卜杜·热合曼, 约翰•史密斯, ・). */
const MIDDLE_DOTS = /[\u00b7\u0387\u2022\u2027\u2219\u22c5\u30fb\uff65]/g;

/**
 * The form in which a party's name is compared with a watch-list (关注名单) entry, on both sides:
 * the rule engine's `watchList` condition and the server's register (its unique key) use this one
 * function, so a name the register accepts as new is exactly a name the engine can tell apart.
 *
 * - ASCII letters fold to lower case and full-width ASCII to half-width, as keyword matching does
 *   (`foldText`): `ＡＢＣ（北京）有限公司` = `abc(北京)有限公司`;
 * - all whitespace goes, wherever it stands: judgments pad two-character names (`王  某`), and
 *   pasted lists carry 全角空格 and zero-width characters;
 * - the middle dots of transliterated names become `·` (U+00B7).
 *
 * Nothing else changes: 简/繁 variants, homophones and abbreviations are different names, so the
 * register never merges two people it cannot tell apart. Idempotent.
 */
export function normalizePartyName(name: string): string {
  return foldText(name).replace(SPACES, '').replace(MIDDLE_DOTS, '\u00b7');
}
