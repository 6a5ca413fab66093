/**
 * Spelling-tolerant keys for 案由 and 罪名 names, so that what clerks, imports and datasets write
 * finds the official entry:
 * - full-width and half-width forms are the same (NFKC: （ → (, Ａ → A);
 * - whitespace is ignored;
 * - bracket marks are dropped, which turns CAIL-style labels such as `[窝藏、包庇]` or
 *   `[伪造、变造、买卖]国家机关[公文、证件、印章]` into plain names;
 * - `,` `，` `;` `；` `/` between alternatives read as the enumeration comma `、`.
 */
export function normalizeCauseName(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[[\]【】〔〕《》「」『』"'“”‘’]/gu, '')
    .replace(/[,;/]/gu, '、');
}

/**
 * Every key a name is found under: the normalized name and, when it ends with the suffix the
 * documents use (纠纷 for civil causes, 罪 for charges and the chapters named after them), the
 * name without it — 民间借贷 finds 民间借贷纠纷, 非法吸收公众存款 finds 非法吸收公众存款罪.
 */
export function causeNameKeys(name: string, suffix: '纠纷' | '罪'): string[] {
  const key = normalizeCauseName(name);
  return key.endsWith(suffix) && key.length > suffix.length ? [key, key.slice(0, -suffix.length)] : [key];
}
