/**
 * Date filters on screen are China Standard Time days (UTC+8, no daylight saving);
 * instants are stored as UTC ISO text, so a day becomes a half-open UTC range.
 */
export function chinaDayStartUtc(date: string): string {
  return new Date(`${date}T00:00:00+08:00`).toISOString();
}

export function chinaDayEndUtc(date: string): string {
  return new Date(new Date(`${date}T00:00:00+08:00`).getTime() + 86_400_000).toISOString();
}
