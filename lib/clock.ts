/**
 * The background's clock. Calling-hours rules depend on the time of day, so
 * end-to-end tests set a fake "now" through the background's test hooks;
 * every view gets its time from the background with the state it shows.
 */
let offsetMs = 0;

export function clockNow(): number {
  return Date.now() + offsetMs;
}

/** Makes clockNow() read `at` now and run on from there; null goes back to the real time. */
export function setClock(at: number | null): void {
  offsetMs = at === null ? 0 : at - Date.now();
}
