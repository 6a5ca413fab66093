import type { ScreeningInput } from '../screening/screening-input.js';

/**
 * How the court's rule packs see an opinion item (issue 6: the political-security and
 * social-stability rules screen item text too): title and text as `facts`, nothing else. Rules that
 * need a case (causes, parties, amounts, case type) cannot fire on an item; keyword rules can, and
 * their evidence offsets refer to this joined text (title, a line break, then the text).
 */
export function opinionScreeningInput(item: { title: string; text: string }): ScreeningInput {
  return { causes: [], facts: `${item.title}\n${item.text}`, claims: '', parties: [] };
}
