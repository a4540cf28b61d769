import type { ImportProgress } from './import-job';

export interface ProgressFigures {
  /** 0..1 of the file read. */
  fraction: number;
  /** Lines per second so far; null until there is enough to say. */
  linesPerSecond: number | null;
  /** Seconds until the whole file is read at the rate so far; null until known. */
  secondsLeft: number | null;
}

/** Rate and time left of a running import, from its byte and line counts. */
export function progressFigures(p: ImportProgress): ProgressFigures {
  const fraction = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 0;
  const seconds = p.elapsedMs / 1000;
  const linesPerSecond = seconds >= 0.2 && p.lines > 0 ? p.lines / seconds : null;
  const secondsLeft = seconds >= 0.2 && p.bytes > 0 ? Math.max(0, (seconds * (p.totalBytes - p.bytes)) / p.bytes) : null;
  return { fraction, linesPerSecond, secondsLeft };
}
