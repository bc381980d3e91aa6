import { useEffect, useState } from 'react';
import { localIsoDate } from './calendar';

/** Today's date (YYYY-MM-DD, local time); re-renders just after midnight. */
export function useToday(): string {
  const [today, setToday] = useState(() => localIsoDate(new Date()));
  useEffect(() => {
    const now = new Date();
    const nextMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 0, 0, 1);
    const timer = window.setTimeout(() => setToday(localIsoDate(new Date())), nextMidnight.getTime() - now.getTime());
    return () => window.clearTimeout(timer);
  }, [today]);
  return today;
}
