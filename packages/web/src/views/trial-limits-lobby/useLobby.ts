import type { TrialLobbyView } from '@courtrisk/core';
import { onBeforeUnmount, onMounted, ref, shallowRef, type Ref } from 'vue';
import { getTrialLobby } from '../../api/trial-limits';

export const REFRESH_MS = 60_000;
/** Pixels per tick and tick length: about 25 px a second, slow enough to read from across a hall. */
const SCROLL_STEP_PX = 1;
const SCROLL_TICK_MS = 40;
/** Pause at the top and the bottom so the first and last rows can be read. */
const SCROLL_PAUSE_MS = 5_000;

/** `2026年3月2日 星期一 09:05:03` in Beijing time, whatever the display's own time zone. */
export function formatLobbyClock(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3_600_000);
  const weekday = '日一二三四五六'[beijing.getUTCDay()];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${beijing.getUTCFullYear()}年${beijing.getUTCMonth() + 1}月${beijing.getUTCDate()}日 星期${weekday} ${pad(beijing.getUTCHours())}:${pad(beijing.getUTCMinutes())}:${pad(beijing.getUTCSeconds())}`;
}

/**
 * The next scroll position of the lobby list: down one step; at the bottom it waits, then jumps
 * back to the top and waits again. `pausedUntil` is the time before which nothing moves.
 */
export function nextScroll(state: { top: number; max: number; now: number; pausedUntil: number }): { top: number; pausedUntil: number } {
  if (state.max <= 0 || state.now < state.pausedUntil) return { top: state.top, pausedUntil: state.pausedUntil };
  if (state.top >= state.max) return { top: 0, pausedUntil: state.now + SCROLL_PAUSE_MS };
  const top = Math.min(state.max, state.top + SCROLL_STEP_PX);
  return { top, pausedUntil: top >= state.max ? state.now + SCROLL_PAUSE_MS : state.pausedUntil };
}

/**
 * 审限大屏: reloads every minute (a failed reload keeps the last list and says so), ticks the
 * clock every second and scrolls `scroller` slowly when the list is taller than the screen.
 */
export function useLobby(scroller: Ref<HTMLElement | undefined>, courtId: string | undefined, fetchLobby = getTrialLobby) {
  const view = shallowRef<TrialLobbyView | null>(null);
  const failed = ref(false);
  const now = ref(new Date());
  const timers: ReturnType<typeof setInterval>[] = [];
  let pausedUntil = Date.now() + SCROLL_PAUSE_MS;

  async function refresh(): Promise<void> {
    try {
      view.value = await fetchLobby(courtId);
      failed.value = false;
    } catch {
      failed.value = true;
    }
  }

  function scrollTick(): void {
    const box = scroller.value;
    if (!box) return;
    const next = nextScroll({ top: box.scrollTop, max: box.scrollHeight - box.clientHeight, now: Date.now(), pausedUntil });
    pausedUntil = next.pausedUntil;
    box.scrollTop = next.top;
  }

  onMounted(() => {
    void refresh();
    timers.push(setInterval(() => void refresh(), REFRESH_MS));
    timers.push(setInterval(() => (now.value = new Date()), 1_000));
    timers.push(setInterval(scrollTick, SCROLL_TICK_MS));
  });
  onBeforeUnmount(() => timers.forEach(clearInterval));

  return { view, failed, now, refresh };
}
