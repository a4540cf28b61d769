import { useEffect, useState } from 'preact/hooks';
import { askBackground } from '@/components/ask-background';
import { blockSummary } from '@/components/block-status';
import { BlockSummaryLines } from '@/components/BlockSummaryLines';
import { useClientNames } from '@/components/use-client-names';
import { t } from '@/lib/i18n';
import { type NumberStatus, PageRequest } from '@/lib/messages';
import { formatInternational, formatNational } from '@/lib/phone/detect';

/** A number's block status, asked from the background and asked again whenever `revision` changes (the block list changed). */
export function useNumberStatus(e164: string | null, revision: number): NumberStatus | undefined {
  const [status, setStatus] = useState<NumberStatus | undefined>();
  useEffect(() => {
    let alive = true;
    setStatus(undefined);
    if (e164)
      void askBackground(PageRequest.Lookup, { numbers: [e164] })
        .then((r) => alive && setStatus(r.statuses[0]))
        .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [e164, revision]);
  return status;
}

/** A number with its block status (undefined while it is being checked). */
export function NumberStatusView({ e164, status }: { e164: string; status: NumberStatus | undefined }) {
  const clientNames = useClientNames();
  const summary = status ? blockSummary(status, clientNames) : null;
  return (
    <div class="number-status" data-e164={e164} data-status={status ? (status.blocked ? 'blocked' : 'clear') : 'unknown'}>
      <p>
        <strong class="mono">{formatNational(e164)}</strong> <span class="muted mono">{formatInternational(e164)}</span>
      </p>
      {!status && <p class="muted">{t('cardChecking')}</p>}
      {status && !status.blocked && <p class="notice ok">{t('cardNotBlocked')}</p>}
      {summary && (
        <div class="notice bad">
          <p>
            <strong>{t('cardBlocked')}</strong>
          </p>
          <BlockSummaryLines summary={summary} />
        </div>
      )}
    </div>
  );
}
