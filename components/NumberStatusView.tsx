import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { blockSummary } from '@/components/block-status';
import { BlockSummaryLines } from '@/components/BlockSummaryLines';
import { t } from '@/lib/i18n';
import { type Envelope, type NumberStatus, PageRequest, type Response } from '@/lib/messages';
import { formatInternational, formatNational } from '@/lib/phone/detect';

async function lookup(e164: string): Promise<NumberStatus | undefined> {
  const message: Envelope<PageRequest.Lookup> = { type: PageRequest.Lookup, payload: { numbers: [e164] } };
  const response = (await browser.runtime.sendMessage(message)) as Response<PageRequest.Lookup> | undefined;
  return response?.statuses[0];
}

/** A number with its live block status (re-checked whenever the block list changes). */
export function NumberStatusView({ e164, revision }: { e164: string; revision: number }) {
  const [status, setStatus] = useState<NumberStatus | undefined>();
  useEffect(() => {
    let alive = true;
    setStatus(undefined);
    void lookup(e164).then((s) => alive && setStatus(s));
    return () => {
      alive = false;
    };
  }, [e164, revision]);
  const summary = status ? blockSummary(status) : null;
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
