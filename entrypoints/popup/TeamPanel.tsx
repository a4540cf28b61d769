import { useState } from 'preact/hooks';
import { useOsloDayClock } from '@/components/use-oslo-day-clock';
import { t } from '@/lib/i18n';
import { selectionFilter, type TeamSelection } from '@/lib/team/team-selection';
import { LogExport } from './LogExport';
import { LogMerge } from './LogMerge';
import { OpenInTabLink } from './OpenInTabLink';
import { PeriodPicker, type PeriodProblem, rangeCaption } from './PeriodPicker';
import { TeamStats } from './TeamStats';
import { useTeamNames } from './use-team-names';
import './team.css';

const START: TeamSelection = { period: 'today', custom: { from: '', to: '' }, campaignId: '', clientId: '', agent: '' };

/**
 * The team lead's part of the popup: results for a period, exports of the
 * call logs, and merging other agents' exports.
 *
 * The picker edits `selection`; only a usable selection becomes `applied`
 * (what the figures and exports are for). While the chosen dates are not
 * usable, a message says why and everything else stays as it was (filters
 * still apply to the last usable period).
 */
export function TeamPanel({ tabUrl }: { tabUrl: string | null }) {
  const names = useTeamNames();
  const [selection, setSelection] = useState<TeamSelection>(START);
  const [applied, setApplied] = useState<TeamSelection>(START);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  // One "now" for the caption, the figures and the export, moved on when the Oslo day changes (a popup
  // opened as a tab may stay open across midnight or the 1st of a month).
  const now = useOsloDayClock();

  const change = (next: TeamSelection) => {
    setSelection(next);
    const r = selectionFilter(next, Date.now());
    if (r.ok) {
      setApplied(next);
      setProblem(null);
    } else {
      setApplied((a) => ({ ...a, campaignId: next.campaignId, clientId: next.clientId, agent: next.agent }));
      setProblem(r.problem);
    }
  };

  const current = selectionFilter(applied, now);
  return (
    <section class="card team" aria-labelledby="team-title" data-testid="team">
      <div class="team-head">
        <h2 id="team-title">{t('teamTitle')}</h2>
        {tabUrl && <OpenInTabLink url={tabUrl} />}
      </div>
      <PeriodPicker selection={selection} onChange={change} problem={problem} range={current.ok ? current.range : null} names={names} />
      {current.ok && (
        <p class="team-caption" data-testid="team-caption">
          {rangeCaption(current.range)}
        </p>
      )}
      <TeamStats applied={applied} names={names} now={now} />
      <LogExport applied={applied} names={names} blocked={problem !== null} now={now} />
      <LogMerge tabUrl={tabUrl} />
    </section>
  );
}
