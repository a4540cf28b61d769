import { notifyBlocklistChanged } from '@/components/notify-background';
import { useState } from 'preact/hooks';
import { AgentNameGate } from '@/components/AgentNameGate';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { getSetting } from '@/lib/settings';
import { mergeFiles, type MergeFilesOutcome } from '@/lib/team/merge-files';
import { OpenInTabLink } from './OpenInTabLink';
import { fileProblemText, resolutionText } from './team-labels';

type State = { kind: 'idle' } | { kind: 'running' } | { kind: 'done'; outcome: MergeFilesOutcome } | { kind: 'failed'; message: string };

function Outcome({ outcome }: { outcome: MergeFilesOutcome }) {
  if (!outcome.ok) {
    return (
      <div class="notice bad team-small" role="alert" data-testid="team-merge-problems">
        <p>{t('teamMergeNothingChanged')}</p>
        <ul>
          {outcome.problems.map((p, i) => (
            <li key={i}>{fileProblemText(p.name, p.problem)}</li>
          ))}
        </ul>
      </div>
    );
  }
  return (
    <div role="status" data-testid="team-merge-results">
      {outcome.files.map(({ name, result }, i) => {
        const retained = result.retention.reduce((n, r) => n + r.count, 0);
        return (
          <div key={i} class="notice ok team-small" data-testid="team-merge-file">
            <p>{t('teamMergeFileResult', [name, String(result.added), String(result.duplicates), String(result.conflicts.length)])}</p>
            {result.conflicts.length > 0 && (
              <ul class="team-conflicts">
                {result.conflicts.map((c) => (
                  <li key={c.id}>
                    {t('teamMergeConflictLine', [c.id, c.fields.join(', '), resolutionText(c.resolution)])}
                  </li>
                ))}
              </ul>
            )}
            {result.unknownCampaigns.length > 0 && <p>{t('teamMergeUnknownCampaigns', result.unknownCampaigns.join(', '))}</p>}
            {result.optOuts > 0 && <p data-testid="merge-opt-outs">{t('teamMergeOptOuts', String(result.optOuts))}</p>}
            {retained > 0 && <p>{t('teamMergeRetention', String(retained))}</p>}
          </div>
        );
      })}
    </div>
  );
}

/**
 * Merging call-log files exported by other agents' Kontaktvern. Every file is
 * validated before anything is written; one bad file and nothing is merged.
 * The merge is recorded under the agent name on record.
 */
export function LogMerge({ tabUrl }: { tabUrl: string | null }) {
  const db = getDb();
  const agentName = useLiveQuery(() => getSetting(db, 'agentName'), [], null as string | null);
  const [askName, setAskName] = useState(false);
  const [state, setState] = useState<State>({ kind: 'idle' });

  const merge = async (input: HTMLInputElement, actor: string) => {
    const files = [...(input.files ?? [])];
    input.value = ''; // the same file can be chosen again
    if (files.length === 0) return;
    setState({ kind: 'running' });
    try {
      const outcome = await mergeFiles(
        db,
        files.map((f) => ({ name: f.name, text: () => f.text() })),
        Date.now(),
        actor,
        t('panelLogOptOutReason'),
      );
      // Merged "do not call" outcomes may have added opt-outs: every open page updates its marks.
      if (outcome.ok && outcome.files.some((f) => f.result.optOuts > 0)) await notifyBlocklistChanged();
      setState({ kind: 'done', outcome });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  let body;
  if (agentName === null) body = <p aria-busy="true">{t('loading')}</p>;
  else if (!agentName) {
    body = askName ? (
      <AgentNameGate>{() => null}</AgentNameGate>
    ) : (
      <p class="notice warn team-small" data-testid="team-merge-need-name">
        {t('teamMergeNeedName')}{' '}
        <button type="button" onClick={() => setAskName(true)}>
          {t('teamMergeSetName')}
        </button>
      </p>
    );
  } else {
    body = (
      <>
        <label for="team-merge-files">{t('teamMergeChoose')}</label>
        <input
          id="team-merge-files"
          type="file"
          multiple
          accept=".json,application/json"
          disabled={state.kind === 'running'}
          onChange={(e) => void merge(e.currentTarget, agentName)}
        />
        {tabUrl && (
          <p class="team-small muted">
            {t('teamOpenInTabHelp')} <OpenInTabLink url={tabUrl} />
          </p>
        )}
      </>
    );
  }

  return (
    <details class="team-part" data-testid="team-merge">
      <summary>
        <h3>{t('teamMergeTitle')}</h3>
      </summary>
      <p class="team-small">{t('teamMergeHelp')}</p>
      <p class="notice warn team-small" data-testid="team-merge-erasure-note">
        {t('teamMergeErasureNote')}
      </p>
      {body}
      {state.kind === 'running' && (
        <p role="status" aria-busy="true">
          {t('teamMergeRunning')}
        </p>
      )}
      {state.kind === 'done' && <Outcome outcome={state.outcome} />}
      {state.kind === 'failed' && (
        <p class="notice bad team-small" role="alert">
          {t('teamMergeFailed', state.message)}
        </p>
      )}
    </details>
  );
}
