import { dayNumber, osloDate } from './freshness';

const osloTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Oslo', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/**
 * The instant (ms) at which the Oslo calendar day `date` (YYYY-MM-DD) begins:
 * 23:00 UTC the day before in winter (CET), 22:00 UTC in summer (CEST).
 * Oslo's clock changes at 02:00/03:00, so midnight always exists once.
 * Null for anything that is not a real date.
 */
export function osloMidnight(date: string): number | null {
  const day = dayNumber(date);
  if (day === null) return null;
  const utcMidnight = day * 86_400_000;
  for (const offsetHours of [1, 2]) {
    const candidate = utcMidnight - offsetHours * 3_600_000;
    if (osloDate(new Date(candidate)) === date && osloTime.format(candidate) === '00:00') return candidate;
  }
  return utcMidnight - 3_600_000;
}
