/** Bar lengths for the popup's small charts (pure SVG/CSS bars, no chart library). */

/**
 * Each value's bar length in percent of the largest value (the largest fills
 * 100). A value above zero always gets at least `minPercent`, so a small but
 * real result stays visible next to a large one; zero stays zero. Negative,
 * NaN and infinite values count as zero. All zero (or no values) → all 0.
 */
export function barLengths(values: readonly number[], minPercent = 1.5): number[] {
  const clean = values.map((v) => (Number.isFinite(v) && v > 0 ? v : 0));
  const max = Math.max(0, ...clean);
  if (max === 0) return clean.map(() => 0);
  return clean.map((v) => (v === 0 ? 0 : Math.max(minPercent, Math.min(100, (v / max) * 100))));
}
