/**
 * Money as exact decimal yuan. Amounts travel as strings ("1234567.89") and are compared as
 * integer 分 (BigInt), so no floating-point rounding ever changes a threshold comparison
 * (e.g. 非法吸收公众存款 ≥ 100 万元).
 */
export type AmountResult = { ok: true; yuan: string; fen: bigint } | { ok: false; message: string };

/** Accepts 1234.5, 1,234.50, ¥1234, 12.3万 / 1.5亿 (common in court statistics); at most 2 decimals. */
export function parseAmount(input: string): AmountResult {
  let text = input.trim().replace(/[,，\s]/g, '').replace(/^[¥￥]/, '').replace(/元$/, '');
  let scale = 0n;
  if (text.endsWith('万')) {
    scale = 4n;
    text = text.slice(0, -1);
  } else if (text.endsWith('亿')) {
    scale = 8n;
    text = text.slice(0, -1);
  }
  const match = /^(\d{1,15})(?:\.(\d+))?$/.exec(text);
  if (!match) return { ok: false, message: `金额“${input.trim()}”不是有效数字（如 1234567.89 或 123.5万）` };
  const integer = match[1]!;
  const decimals = match[2] ?? '';
  // Scale into 分: value × 10^scale × 100, exact.
  const digits = BigInt(integer + decimals) * 10n ** (scale + 2n);
  const divisor = 10n ** BigInt(decimals.length);
  if (digits % divisor !== 0n) return { ok: false, message: `金额“${input.trim()}”最多精确到分` };
  const fen = digits / divisor;
  return { ok: true, fen, yuan: formatFen(fen) };
}

export function formatFen(fen: bigint): string {
  const sign = fen < 0n ? '-' : '';
  const abs = fen < 0n ? -fen : fen;
  const yuan = abs / 100n;
  const cents = abs % 100n;
  return cents === 0n ? `${sign}${yuan}` : `${sign}${yuan}.${cents.toString().padStart(2, '0')}`;
}

/** 1234567.8 → "1,234,567.80 元" for display. */
export function formatYuan(yuan: string): string {
  const parsed = parseAmount(yuan);
  if (!parsed.ok) return yuan;
  const abs = parsed.fen < 0n ? -parsed.fen : parsed.fen;
  const whole = (abs / 100n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${whole}.${(abs % 100n).toString().padStart(2, '0')} 元`;
}
