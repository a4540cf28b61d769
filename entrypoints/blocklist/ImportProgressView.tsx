import { t, uiLocale } from '@/lib/i18n';
import type { ImportProgress } from '@/lib/register/import-job';
import { progressFigures } from '@/lib/register/progress-rate';
import { formatCount } from './format-count';

function secondsText(seconds: number): string {
  if (seconds < 60) return t('secondsLeft', String(Math.max(1, Math.ceil(seconds))));
  return t('minutesLeft', String(Math.ceil(seconds / 60)));
}

/** Progress bar with lines read, lines per second, time left, and Cancel. */
export function ImportProgressView({ id, progress, onCancel, cancelling }: { id: string; progress: ImportProgress | null; onCancel: () => void; cancelling: boolean }) {
  const locale = uiLocale();
  const figures = progress ? progressFigures(progress) : null;
  const writing = progress !== null && progress.bytes >= progress.totalBytes;
  return (
    <div class="import-progress" data-testid={`${id}-progress`}>
      <progress
        max={1}
        value={figures ? figures.fraction : undefined}
        aria-label={t('importProgressLabel')}
        aria-valuetext={figures ? `${Math.round(figures.fraction * 100)} %` : undefined}
      />
      <p aria-live="polite" data-testid={`${id}-progress-text`}>
        {!progress && t('importStarting')}
        {progress && !writing && (
          <>
            {t('importLinesRead', [formatCount(progress.lines, locale), String(Math.round((figures?.fraction ?? 0) * 100))])}
            {figures?.linesPerSecond != null && <> · {t('importRate', formatCount(Math.round(figures.linesPerSecond), locale))}</>}
            {figures?.secondsLeft != null && <> · {secondsText(figures.secondsLeft)}</>}
          </>
        )}
        {progress && writing && t('importSaving', formatCount(progress.lines, locale))}
      </p>
      <button type="button" onClick={onCancel} disabled={cancelling}>
        {cancelling ? t('importCancelling') : t('cancelImport')}
      </button>
    </div>
  );
}
