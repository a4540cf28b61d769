/** Cell texts for spreadsheets opened in a Norwegian Excel (`;`-separated, `,` decimal mark). */
import { osloParts } from '../oslo-clock';

/** `28.11.2026 14:03` in Europe/Oslo: Norwegian Excel reads it as a date-time. */
export function osloDateTimeCell(ms: number): string {
  const p = osloParts(ms);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(p.day)}.${two(p.month)}.${p.year} ${two(p.hour)}:${two(p.minute)}`;
}

/** Øre → kroner with a decimal comma and no grouping (`123456` → `1234,56`), '' for null: read as a number by Norwegian Excel. */
export function kronerCell(amountOre: number | null): string {
  if (amountOre === null) return '';
  const sign = amountOre < 0 ? '-' : '';
  const abs = Math.abs(amountOre);
  return `${sign}${Math.floor(abs / 100)},${String(abs % 100).padStart(2, '0')}`;
}
