/**
 * When may a campaign call? Markedsføringsloven (since 2018): no consumer
 * telemarketing or charity calls on Saturdays, Sundays or Norwegian public
 * holidays, nor on weekdays before 09:00 or from 21:00, Europe/Oslo wall
 * clock (domain.md). 09:00:00 is allowed, 08:59:59 is not; 20:59:59 is
 * allowed, 21:00:00 is not. Market research and B2B campaigns are exempt.
 */
import type { CampaignType } from '../db';
import { publicHolidayOn } from './norwegian-holidays';
import { isoWeekday, osloParts, osloWallTimeToInstant } from '../oslo-clock';

export type CallingBlockReason = 'saturday' | 'sunday' | 'holiday' | 'before-hours' | 'after-hours';

export type CallingHoursState =
  | {
      allowed: true;
      exempt: boolean;
      /** ms when calls stop being allowed (null when exempt) */
      until: number | null;
    }
  | {
      allowed: false;
      reason: CallingBlockReason;
      holiday?: { name: string; nameEn: string };
      /** ms of the next moment calling is allowed (next allowed weekday 09:00 Oslo) */
      allowedFrom: number;
    };

/** First allowed hour of a calling day (09:00 inclusive). */
export const CALLING_START_HOUR = 9;
/** Calls stop at this hour (21:00 exclusive). */
export const CALLING_END_HOUR = 21;

/**
 * Do the calling-hours rules apply to this kind of campaign? Consumer
 * telemarketing and charity: yes. B2B and market research: no. An unknown
 * type (e.g. from old or damaged stored data) is treated as restricted.
 */
export function callingHoursApply(type: CampaignType): boolean {
  switch (type) {
    case 'b2b':
    case 'market-research':
      return false;
    case 'consumer-telemarketing':
    case 'charity':
    default:
      return true;
  }
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

function ymd(d: CalendarDay): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function nextDay(d: CalendarDay): CalendarDay {
  const next = new Date(Date.UTC(d.year, d.month - 1, d.day + 1));
  return { year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() };
}

/** Why a whole Oslo calendar day is closed for calls, or null on a calling day. */
function closedDay(d: CalendarDay): Pick<Extract<CallingHoursState, { allowed: false }>, 'reason' | 'holiday'> | null {
  // A holiday on a weekend (Første påskedag, 17. mai on a Saturday) is
  // reported as the holiday: the more specific reason.
  const holiday = publicHolidayOn(ymd(d));
  if (holiday) return { reason: 'holiday', holiday: { name: holiday.name, nameEn: holiday.nameEn } };
  const weekday = isoWeekday(d.year, d.month, d.day);
  if (weekday === 6) return { reason: 'saturday' };
  if (weekday === 7) return { reason: 'sunday' };
  return null;
}

/** No run of closed days is longer than Easter's five (Thursday–Monday); a month is plenty. */
const MAX_CLOSED_RUN = 31;

/** 09:00 Oslo on the first calling day after `d`. */
function nextOpening(d: CalendarDay): number {
  let day = nextDay(d);
  for (let i = 0; i < MAX_CLOSED_RUN && closedDay(day); i++) day = nextDay(day);
  return osloWallTimeToInstant(day.year, day.month, day.day, CALLING_START_HOUR);
}

/**
 * May a campaign of this type call at instant `now` (ms)? When allowed and
 * restricted, `until` is 21:00 Oslo that day; when blocked, `allowedFrom` is
 * 09:00 Oslo on the next calling day (today, if before 09:00 on one).
 * @throws RangeError when `now` is not a finite number.
 */
export function callingHoursState(now: number, type: CampaignType): CallingHoursState {
  if (!Number.isFinite(now)) throw new RangeError(`callingHoursState: not an instant: ${now}`);
  if (!callingHoursApply(type)) return { allowed: true, exempt: true, until: null };

  const oslo = osloParts(now);
  const today: CalendarDay = { year: oslo.year, month: oslo.month, day: oslo.day };
  const closed = closedDay(today);
  if (closed) return { allowed: false, ...closed, allowedFrom: nextOpening(today) };
  if (oslo.hour < CALLING_START_HOUR) {
    return { allowed: false, reason: 'before-hours', allowedFrom: osloWallTimeToInstant(today.year, today.month, today.day, CALLING_START_HOUR) };
  }
  if (oslo.hour >= CALLING_END_HOUR) return { allowed: false, reason: 'after-hours', allowedFrom: nextOpening(today) };
  return { allowed: true, exempt: false, until: osloWallTimeToInstant(today.year, today.month, today.day, CALLING_END_HOUR) };
}
