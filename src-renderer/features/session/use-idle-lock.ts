import { useEffect } from 'react';

const ACTIVITY = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focusin'] as const;
const CHECK_MS = 5_000;

/**
 * Calls `lock` once nobody has used the app for `minutes`. Time is read from the clock on every
 * check, so a laptop that slept through the limit locks as soon as it wakes.
 */
export function useIdleLock(enabled: boolean, minutes: number, lock: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    let last = Date.now();
    const seen = () => {
      last = Date.now();
    };
    for (const event of ACTIVITY) window.addEventListener(event, seen, { capture: true, passive: true });
    const timer = setInterval(() => {
      if (Date.now() - last >= minutes * 60_000) lock();
    }, CHECK_MS);
    return () => {
      clearInterval(timer);
      for (const event of ACTIVITY) window.removeEventListener(event, seen, { capture: true });
    };
  }, [enabled, minutes, lock]);
}
