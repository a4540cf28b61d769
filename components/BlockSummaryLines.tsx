import type { blockSummary } from './block-status';

/** Why a number is blocked, in two lines: "Source — reason" and "since … by … · scope". */
export function BlockSummaryLines({ summary }: { summary: NonNullable<ReturnType<typeof blockSummary>> }) {
  return (
    <>
      <p>
        <strong>{summary.source}</strong>
        {summary.reason && ` — ${summary.reason}`}
      </p>
      <p class="muted">
        {summary.since} · {summary.scope}
      </p>
    </>
  );
}
