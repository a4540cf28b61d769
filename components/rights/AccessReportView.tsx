import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { downloadBlob } from '@/components/download';
import { useLiveQuery } from '@/components/use-live-query';
import { getDb } from '@/lib/db';
import { formatDate, formatDateTime } from '@/lib/format';
import { t, uiLocale } from '@/lib/i18n';
import { formatInternational } from '@/lib/phone/detect';
import {
  type AccessReport,
  type AccessReportCampaign,
  accessReportCsv,
  accessReportIsEmpty,
  accessReportJson,
  buildAccessReport,
} from '@/lib/rights/access-report';
import { openPrintableReport, type ReportLanguage } from './open-report';
import { EraseNumber } from './EraseNumber';
import { actorName } from '@/components/setup-labels';
import { reasonText } from '@/components/reason-text';
import {
  accessCsvLabels,
  amountText,
  auditActionLabel,
  blockScopeLabel,
  campaignTypeLabel,
  categoryLabel,
  legalBasisLabel,
  outcomeText,
  sourceLabel,
} from './rights-labels';

/** True when the report holds no personal data at all (it can still be exported, as an empty answer). */
export function reportIsEmpty(report: AccessReport): boolean {
  return accessReportIsEmpty(report);
}

/** `kontaktvern-access-2026-11-28-1432.json`: no number in the name (the browser's download list keeps names after an erasure). */
function fileName(report: AccessReport, ext: 'json' | 'csv'): string {
  return `kontaktvern-access-${report.generatedAt.slice(0, 10)}-${report.generatedAt.slice(11, 16).replace(':', '')}.${ext}`;
}

const when = (iso: string) => formatDateTime(Date.parse(iso), uiLocale());

/** One cell with its column name, which narrow layouts show in front of the value (rights.css). */
function Cell({ label, children, class: cls }: { label: string; children: ComponentChildren; class?: string }) {
  return (
    <td data-label={label} class={cls}>
      <span>{children}</span>
    </td>
  );
}

function CampaignFacts({ campaign, processor }: { campaign: AccessReportCampaign; processor: AccessReport['processor'] }) {
  const c = campaign.controller;
  return (
    <article class="rights-campaign" data-campaign-id={campaign.id}>
      <h4>
        {campaign.name} <span class="muted rights-type">· {campaignTypeLabel(campaign.type)}</span>
      </h4>
      <dl class="rights-facts">
        <dt>{t('rightsController')}</dt>
        <dd data-testid="controller">
          {c ? (
            <>
              <strong>{c.name}</strong>
              {c.orgNumber && <> · {t('setupOrgNumberShort', c.orgNumber)}</>}
              {c.contact && (
                <>
                  <br />
                  {t('rightsContact', c.contact)}
                </>
              )}
            </>
          ) : (
            <span class="error">{t('rightsControllerMissing')}</span>
          )}
        </dd>
        <dt>{t('setupAgreementTitle')}</dt>
        <dd>
          {c?.agreementReference ? (
            c.agreementReference
          ) : (
            <span class="notice warn rights-inline-notice" role="note">
              {t('rightsNoAgreement')}
            </span>
          )}
        </dd>
        <dt>{t('rightsProcessor')}</dt>
        <dd>
          {processor.name || processor.contact ? (
            <>
              <strong>{processor.name}</strong>
              {processor.contact && (
                <>
                  <br />
                  {t('rightsContact', processor.contact)}
                </>
              )}
            </>
          ) : (
            <span class="notice warn rights-inline-notice" role="note">
              {t('rightsProcessorMissing')}
            </span>
          )}
        </dd>
        <dt>{t('rightsLogRetentionLabel')}</dt>
        <dd>{t('rightsLogRetention', String(campaign.logRetentionDays))}</dd>
      </dl>
      <h5>{t('rightsFieldsTitle')}</h5>
      {campaign.fields.length === 0 ? (
        <p class="muted">{t('rightsNoFields')}</p>
      ) : (
        <>
          <table class="rights-table">
            <thead>
              <tr>
                <th>{t('setupFieldLabel')}</th>
                <th>{t('setupFieldPurpose')}</th>
                <th>{t('setupFieldLegalBasis')}</th>
                <th>{t('setupFieldCategory')}</th>
                <th>{t('setupFieldRetention')}</th>
              </tr>
            </thead>
            <tbody>
              {campaign.fields.map((f) => (
                <tr key={f.label}>
                  <Cell label={t('setupFieldLabel')} class="rights-strong">
                    {f.label}
                  </Cell>
                  <Cell label={t('setupFieldPurpose')}>{f.purpose}</Cell>
                  <Cell label={t('setupFieldLegalBasis')}>{legalBasisLabel(f.legalBasis)}</Cell>
                  <Cell label={t('setupFieldCategory')}>{categoryLabel(f.category)}</Cell>
                  <Cell label={t('setupFieldRetention')}>{f.retention}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted rights-small">{t('rightsFieldsWhere')}</p>
        </>
      )}
    </article>
  );
}

/**
 * Everything Kontaktvern holds about one number, live (re-read when the
 * database changes, e.g. after erasure), with the downloads, the printable
 * report and the way to erasure.
 */
export function AccessReportView({ e164, defaultLanguage }: { e164: string; defaultLanguage: ReportLanguage }) {
  const db = getDb();
  const report = useLiveQuery(() => buildAccessReport(db, e164), [e164], null as AccessReport | null);
  const [lang, setLang] = useState<ReportLanguage>(defaultLanguage);
  const [erasing, setErasing] = useState(false);
  const [failure, setFailure] = useState('');

  if (!report) return <p aria-busy="true">{t('loading')}</p>;

  const locale = uiLocale();
  const campaigns = new Map(report.campaigns.map((c) => [c.id, c]));
  const clientName = (clientId: string) => report.campaigns.find((c) => c.controller?.id === clientId)?.controller?.name ?? clientId;
  const empty = reportIsEmpty(report);

  // Exports are built afresh at the click: they hold exactly what the database holds now.
  const download = async (kind: 'json' | 'csv') => {
    setFailure('');
    try {
      const fresh = await buildAccessReport(db, e164);
      const blob =
        kind === 'json'
          ? new Blob([accessReportJson(fresh)], { type: 'application/json;charset=utf-8' })
          : new Blob([accessReportCsv(fresh, accessCsvLabels())], { type: 'text/csv;charset=utf-8' });
      downloadBlob(blob, fileName(fresh, kind));
    } catch (error) {
      setFailure(t('rightsExportFailed', error instanceof Error ? error.message : String(error)));
    }
  };

  return (
    <div class="rights-report" data-testid="access-report" data-e164={report.e164} data-empty={empty ? 'true' : 'false'}>
      <h3>{t('rightsReportFor', formatInternational(report.e164))}</h3>
      <p class="muted rights-small">{t('rightsGeneratedAt', when(report.generatedAt))}</p>
      {empty && (
        <p class="notice ok" role="status" data-testid="nothing-held">
          <strong>{t('rightsNothingHeld')}</strong> {t('rightsNothingHeldExport')}
        </p>
      )}

      <div class="rights-actions" role="group" aria-label={t('rightsExportGroup')}>
        <button type="button" onClick={() => void download('json')}>
          {t('rightsDownloadJson')}
        </button>
        <button type="button" onClick={() => void download('csv')}>
          {t('rightsDownloadCsv')}
        </button>
      </div>
      <div class="rights-actions rights-printable">
        <label for={`report-lang-${report.e164}`}>{t('rightsReportLanguage')}</label>
        <select id={`report-lang-${report.e164}`} value={lang} onChange={(e) => setLang(e.currentTarget.value === 'nb' ? 'nb' : 'en')}>
          <option value="nb">{t('rightsLanguageNb')}</option>
          <option value="en">{t('rightsLanguageEn')}</option>
        </select>
        <button type="button" onClick={() => void openPrintableReport(report.e164, lang)}>
          {t('rightsOpenPrintable')}
        </button>
      </div>
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}

      <h4 class="rights-section">{t('rightsRegisterTitle')}</h4>
      <p data-testid="register-status">
        {report.reservationRegister.snapshotDate === null
          ? t('rightsRegisterNone')
          : report.reservationRegister.listed
            ? t('rightsRegisterListed', report.reservationRegister.snapshotDate)
            : t('rightsRegisterNotListed', report.reservationRegister.snapshotDate)}
      </p>

      <h4 class="rights-section">{t('rightsCallLogsTitle', String(report.callLogs.length))}</h4>
      {report.callLogs.length === 0 ? (
        <p class="muted">{t('rightsNoCallLogs')}</p>
      ) : (
        <table class="rights-table" data-testid="call-logs">
          <thead>
            <tr>
              <th>{t('colWhen')}</th>
              <th>{t('rightsColCampaign')}</th>
              <th>{t('rightsColOutcome')}</th>
              <th>{t('rightsColAmount')}</th>
              <th>{t('rightsColNote')}</th>
              <th>{t('rightsColAgent')}</th>
            </tr>
          </thead>
          <tbody>
            {report.callLogs.map((l) => (
              <tr key={l.id} data-log-id={l.id}>
                <Cell label={t('colWhen')}>{when(l.at)}</Cell>
                <Cell label={t('rightsColCampaign')}>
                  {campaigns.get(l.campaignId)?.name ?? l.campaignId}
                  <span class="muted"> · {clientName(l.clientId)}</span>
                </Cell>
                <Cell label={t('rightsColOutcome')}>{outcomeText(l.outcomeKind, l.outcomeLabel)}</Cell>
                <Cell label={t('rightsColAmount')} class="rights-num">
                  {amountText(l.amountOre)}
                </Cell>
                <Cell label={t('rightsColNote')}>{l.note}</Cell>
                <Cell label={t('rightsColAgent')}>{l.agent}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h4 class="rights-section">{t('rightsMentionsTitle', String(report.mentions.length))}</h4>
      {report.mentions.length === 0 ? (
        <p class="muted">{t('rightsNoMentions')}</p>
      ) : (
        <>
          <table class="rights-table" data-testid="mentions">
            <thead>
              <tr>
                <th>{t('colWhen')}</th>
                <th>{t('rightsColCampaign')}</th>
                <th>{t('rightsColAgent')}</th>
                <th>{t('rightsColNote')}</th>
              </tr>
            </thead>
            <tbody>
              {report.mentions.map((m) => (
                <tr key={m.id} data-mention-id={m.id}>
                  <Cell label={t('colWhen')}>{when(m.at)}</Cell>
                  <Cell label={t('rightsColCampaign')}>
                    {campaigns.get(m.campaignId)?.name ?? m.campaignId}
                    <span class="muted"> · {clientName(m.clientId)}</span>
                  </Cell>
                  <Cell label={t('rightsColAgent')}>{m.agent}</Cell>
                  <Cell label={t('rightsColNote')}>{m.note}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted rights-small">{t('rightsMentionsHelp')}</p>
        </>
      )}

      <h4 class="rights-section">{t('rightsImportLinesTitle', String(report.importLines.length))}</h4>
      {report.importLines.length === 0 ? (
        <p class="muted">{t('rightsNoImportLines')}</p>
      ) : (
        <>
          <table class="rights-table" data-testid="import-lines">
            <thead>
              <tr>
                <th>{t('rightsColLine')}</th>
                <th>{t('rightsColText')}</th>
              </tr>
            </thead>
            <tbody>
              {report.importLines.map((l) => (
                <tr key={`${l.reportId}:${l.line}`} data-report-id={l.reportId}>
                  <Cell label={t('rightsColLine')} class="rights-num">
                    {String(l.line)}
                  </Cell>
                  <Cell label={t('rightsColText')}>{l.text}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="muted rights-small">{t('rightsImportLinesHelp')}</p>
        </>
      )}

      <h4 class="rights-section">{t('rightsBlocksTitle')}</h4>
      {report.blockEntries.length === 0 ? (
        <p class="muted" data-testid="block-status">
          {t('rightsNotBlocked')}
        </p>
      ) : (
        <table class="rights-table" data-testid="block-entries">
          <thead>
            <tr>
              <th>{t('colSource')}</th>
              <th>{t('colScope')}</th>
              <th>{t('colReason')}</th>
              <th>{t('colAddedBy')}</th>
              <th>{t('colSince')}</th>
            </tr>
          </thead>
          <tbody>
            {report.blockEntries.map((b) => (
              <tr key={b.id}>
                <Cell label={t('colSource')}>{sourceLabel(b.source)}</Cell>
                <Cell label={t('colScope')}>{blockScopeLabel(b.scope, b.scopeClientName)}</Cell>
                <Cell label={t('colReason')}>{reasonText(b.reason)}</Cell>
                <Cell label={t('colAddedBy')}>{b.addedBy}</Cell>
                <Cell label={t('colSince')}>{formatDate(Date.parse(b.createdAt), locale)}</Cell>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {report.blockHistory.length > 0 && (
        <>
          <h5>{t('rightsHistoryTitle')}</h5>
          <table class="rights-table" data-testid="block-history">
            <thead>
              <tr>
                <th>{t('colWhen')}</th>
                <th>{t('colWhat')}</th>
                <th>{t('colWho')}</th>
                <th>{t('colReason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.blockHistory.map((ev) => (
                <tr key={ev.id}>
                  <Cell label={t('colWhen')}>{when(ev.at)}</Cell>
                  <Cell label={t('colWhat')}>
                    {auditActionLabel(ev.action)}
                    {ev.source && <span class="muted"> · {sourceLabel(ev.source)}</span>}
                  </Cell>
                  <Cell label={t('colWho')}>{actorName(ev.actor)}</Cell>
                  <Cell label={t('colReason')}>{reasonText(ev.reason)}</Cell>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {(report.blockEntries.length > 0 || report.blockHistory.length > 0) && <p class="muted rights-small">{t('rightsBlocksStay')}</p>}

      <h4 class="rights-section">{t('rightsCampaignsTitle')}</h4>
      {report.campaigns.length === 0 ? (
        <p class="muted">{t('rightsNoCampaigns')}</p>
      ) : (
        report.campaigns.map((c) => <CampaignFacts key={c.id} campaign={c} processor={report.processor} />)
      )}

      <div class="rights-erase-open">
        {!erasing && (
          <button type="button" class="danger" onClick={() => setErasing(true)}>
            {t('rightsEraseOpen')}
          </button>
        )}
      </div>
      {erasing && <EraseNumber e164={report.e164} onClose={() => setErasing(false)} />}
    </div>
  );
}
