import { zh } from '../../locales/zh-CN';
import { formatDateTime } from '../../utils/format';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** When a message arrived, the way people say it: 刚刚, 5 分钟前, 3 小时前, 2 天前; older ones by date and time. */
export function timeAgo(iso: string, now: number): string {
  const elapsed = now - new Date(iso).getTime();
  if (Number.isNaN(elapsed)) return iso;
  if (elapsed < MINUTE) return zh.notifications.justNow;
  if (elapsed < HOUR) return zh.notifications.minutesAgo(Math.floor(elapsed / MINUTE));
  if (elapsed < DAY) return zh.notifications.hoursAgo(Math.floor(elapsed / HOUR));
  if (elapsed < 7 * DAY) return zh.notifications.daysAgo(Math.floor(elapsed / DAY));
  return formatDateTime(iso).slice(0, 16);
}
