import { useEffect, useState } from 'preact/hooks';
import { getDb } from '@/lib/db';
import { formatAmount, formatDate, formatDateTime } from '@/lib/format';
import { formatInternational, parsePhoneInput } from '@/lib/phone/detect';
import { type AccessReport, type AccessReportCampaign, type AccessReportController, accessReportIsEmpty, buildAccessReport } from '@/lib/rights/access-report';
import { REPORT_LANGUAGES, REPORT_TEXTS, type ReportLanguage, type ReportTexts } from './report-texts';
import { shownReason } from '@/lib/fixed-reasons';

/**
 * The printable access report (GDPR Art. 15) for one number, in the person's
 * language (`?lang=nb|en`, texts from report-texts.ts), laid out for A4:
 * who is responsible, what is held and why, how long, the person's rights and
 * whom to contact. "Print / save as PDF" calls window.print().
 */
export function App({ number, token, lang }: { number: string; token: string; lang: ReportLanguage }) {
  const tx = REPORT_TEXTS[lang];
  const parsed = parsePhoneInput(number);
  const e164 = parsed.ok ? parsed.e164 : null;
  const [report, setReport] = useState<AccessReport | null>(null);
  const [failure, setFailure] = useState('');

  useEffect(() => {
    if (!e164) return;
    let alive = true;
    buildAccessReport(getDb(), e164).then(
      (r) => alive && setReport(r),
      (error: unknown) => alive && setFailure(tx.loadFailed(error instanceof Error ? error.message : String(error))),
    );
    return () => {
      alive = false;
    };
  }, [e164]);

  const toolbar = (
    <div class="toolbar no-print">
      <button type="button" class="print" onClick={() => window.print()} disabled={!report}>
        {tx.printButton}
      </button>
      <span class="hint">{tx.printHint}</span>
      {e164 && (
        <nav class="languages" aria-label={tx.otherLanguage}>
          {tx.otherLanguage}{' '}
          {REPORT_LANGUAGES.map((l) =>
            l === lang ? (
              <strong key={l} aria-current="page">
                {REPORT_TEXTS[l].languageName}
              </strong>
            ) : (
              <a key={l} href={`?${new URLSearchParams({ r: token, lang: l }).toString()}`} hrefLang={l} lang={l}>
                {REPORT_TEXTS[l].languageName}
              </a>
            ),
          )}
        </nav>
      )}
    </div>
  );

  if (!e164) {
    return (
      <>
        {toolbar}
        <main class="sheet" data-state="invalid">
          <p class="problem" role="alert">
            {tx.invalidNumber}
          </p>
        </main>
      </>
    );
  }
  if (!report) {
    return (
      <>
        {toolbar}
        <main class="sheet" data-state={failure ? 'failed' : 'loading'}>
          {failure ? (
            <p class="problem" role="alert">
              {failure}
            </p>
          ) : (
            <p aria-busy="true">{tx.loading}</p>
          )}
        </main>
      </>
    );
  }
  return (
    <>
      {toolbar}
      <Report report={report} tx={tx} />
    </>
  );
}

interface ControllerGroup {
  key: string;
  controller: AccessReportController | null;
  /** Client id when the controller is no longer set up. */
  clientId: string;
  campaigns: AccessReportCampaign[];
}

/** Controllers in the order of their campaigns, each once, with its campaigns. */
function controllerGroups(report: AccessReport): ControllerGroup[] {
  const groups = new Map<string, ControllerGroup>();
  for (const c of report.campaigns) {
    const clientId = c.controller?.id ?? [...report.callLogs, ...report.mentions].find((l) => l.campaignId === c.id)?.clientId ?? c.id;
    const group = groups.get(clientId) ?? { key: clientId, controller: c.controller, clientId, campaigns: [] };
    group.campaigns.push(c);
    groups.set(clientId, group);
  }
  return [...groups.values()];
}

function Report({ report, tx }: { report: AccessReport; tx: ReportTexts }) {
  const locale = tx.locale;
  const generated = Date.parse(report.generatedAt);
  const date = formatDate(generated, locale);
  const when = (iso: string) => formatDateTime(Date.parse(iso), locale);
  const groups = controllerGroups(report);
  const campaignById = new Map(report.campaigns.map((c) => [c.id, c]));
  const controllerName = (g: ControllerGroup) => g.controller?.name ?? tx.controllerUnknown(g.clientId);
  const clientOf = (c: AccessReportCampaign) => {
    const g = groups.find((x) => x.campaigns.includes(c));
    return g ? controllerName(g) : '';
  };
  const processorName = report.processor.name || tx.processorUnnamed;
  const empty = accessReportIsEmpty(report);
  const blocked = report.blockEntries.length > 0;
  const register = report.reservationRegister;
  const rights = tx.rights;

  return (
    <main class="sheet" data-state="ready" data-e164={report.e164}>
      <header class="report-head">
        <p class="brand">Kontaktvern</p>
        <h1>{tx.heading}</h1>
        <p class="number">{tx.numberLine(formatInternational(report.e164))}</p>
        <p class="meta">
          {tx.dateLine(date)} · {tx.madeBy(processorName)}
        </p>
      </header>
      <p>{tx.intro}</p>
      {empty && (
        <p class="nothing" data-testid="nothing-held">
          <strong>{tx.nothingHeld}</strong> {tx.nothingHeldDetail}
        </p>
      )}

      <section class="keep-together">
        <h2>1. {tx.responsibleTitle}</h2>
        {groups.length === 0 && <p>{tx.noControllers}</p>}
        {groups.map((g) => (
          <div class="party" key={g.key} data-testid="controller">
            <p class="role">{tx.controllerRole}</p>
            <p class="party-name">{controllerName(g)}</p>
            {g.controller?.orgNumber && <p>{tx.orgNumber(g.controller.orgNumber)}</p>}
            <p>{g.controller?.contact ? tx.contact(g.controller.contact) : tx.contactMissing}</p>
            {g.controller?.agreementReference && <p>{tx.agreement(g.controller.agreementReference)}</p>}
            <p>{tx.campaignsLine(g.campaigns.map((c) => c.name).join(', '))}</p>
          </div>
        ))}
        <div class="party" data-testid="processor">
          <p class="role">{tx.processorRole}</p>
          <p class="party-name">{processorName}</p>
          <p>{report.processor.contact ? tx.contact(report.processor.contact) : tx.contactMissing}</p>
        </div>
      </section>

      <section>
        <h2>2. {tx.heldTitle}</h2>
        <h3>{tx.callLogsTitle(report.callLogs.length)}</h3>
        {report.callLogs.length === 0 ? (
          <p>{tx.callLogsNone}</p>
        ) : (
          <>
            <p>{tx.callLogsIntro}</p>
            <table data-testid="call-logs">
              <thead>
                <tr>
                  <th>{tx.colWhen}</th>
                  <th>{tx.colCampaign}</th>
                  <th>{tx.colOutcome}</th>
                  <th class="num">{tx.colAmount}</th>
                  <th>{tx.colNote}</th>
                  <th>{tx.colAgent}</th>
                </tr>
              </thead>
              <tbody>
                {report.callLogs.map((l) => {
                  const c = campaignById.get(l.campaignId);
                  return (
                    <tr key={l.id}>
                      <td class="nowrap">{when(l.at)}</td>
                      <td>
                        {c?.name ?? l.campaignId}
                        {c && <span class="sub">{clientOf(c)}</span>}
                      </td>
                      <td>{l.outcomeLabel || tx.outcome[l.outcomeKind]}</td>
                      <td class="num nowrap">{l.amountOre === null ? '' : formatAmount(l.amountOre / 100, locale)}</td>
                      <td>{l.note}</td>
                      <td>{l.agent}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}

        <h3>{tx.mentionsTitle(report.mentions.length)}</h3>
        {report.mentions.length === 0 ? (
          <p>{tx.mentionsNone}</p>
        ) : (
          <>
            <p>{tx.mentionsIntro}</p>
            <table data-testid="mentions">
              <thead>
                <tr>
                  <th>{tx.colWhen}</th>
                  <th>{tx.colCampaign}</th>
                  <th>{tx.colWrittenBy}</th>
                  <th>{tx.colNote}</th>
                </tr>
              </thead>
              <tbody>
                {report.mentions.map((m) => {
                  const c = campaignById.get(m.campaignId);
                  return (
                    <tr key={m.id}>
                      <td class="nowrap">{when(m.at)}</td>
                      <td>
                        {c?.name ?? m.campaignId}
                        {c && <span class="sub">{clientOf(c)}</span>}
                      </td>
                      <td>{m.agent}</td>
                      <td>{m.note}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}

        <h3>{tx.importLinesTitle(report.importLines.length)}</h3>
        {report.importLines.length === 0 ? (
          <p>{tx.importLinesNone}</p>
        ) : (
          <>
            <p>{tx.importLinesIntro}</p>
            <table data-testid="import-lines">
              <thead>
                <tr>
                  <th class="num">{tx.colLine}</th>
                  <th>{tx.colText}</th>
                </tr>
              </thead>
              <tbody>
                {report.importLines.map((l) => (
                  <tr key={`${l.reportId}:${l.line}`}>
                    <td class="num nowrap">{l.line}</td>
                    <td>{l.text}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}

        {report.campaigns.map((c) => (
          <div class="campaign" key={c.id} data-campaign-id={c.id}>
            <h3>{tx.campaignHeading(c.name, clientOf(c))}</h3>
            <p class="sub-line">{tx.campaignTypeLine(tx.campaignType[c.type])}</p>
            {c.fields.length === 0 ? (
              <p>{tx.fieldsNone}</p>
            ) : (
              <>
                <p>{tx.fieldsIntro}</p>
                <table>
                  <thead>
                    <tr>
                      <th>{tx.colField}</th>
                      <th>{tx.colPurpose}</th>
                      <th>{tx.colBasis}</th>
                      <th>{tx.colCategory}</th>
                      <th>{tx.colRetention}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {c.fields.map((f) => (
                      <tr key={f.label}>
                        <td class="strong">{f.label}</td>
                        <td>{f.purpose}</td>
                        <td>{tx.legalBasis[f.legalBasis]}</td>
                        <td>{tx.category[f.category]}</td>
                        <td>{f.retention}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
            <p class="sub-line">{tx.dataSource}</p>
          </div>
        ))}

        <div class="keep-together" data-testid="block-status">
          <h3>{tx.blockTitle}</h3>
          <p class={blocked ? 'status blocked' : 'status'}>{blocked ? tx.blocked : tx.notBlocked}</p>
          {report.blockEntries.length > 0 && (
            <ul>
              {report.blockEntries.map((b) => (
                <li key={b.id}>
                  {tx.blockEntry(tx.source[b.source], b.scope === null ? tx.scopeAll : tx.scopeClient(b.scopeClientName ?? b.scope), formatDate(Date.parse(b.createdAt), locale))}
                  {b.reason && <span class="sub">{tx.blockReason(shownReason(b.reason, tx.fixedReasons))}</span>}
                </li>
              ))}
            </ul>
          )}
        </div>
        {report.blockHistory.length > 0 && (
          <>
            <h4>{tx.blockHistoryTitle}</h4>
            <table>
              <thead>
                <tr>
                  <th>{tx.colWhen}</th>
                  <th>{tx.colWhat}</th>
                  <th>{tx.colBy}</th>
                  <th>{tx.colReason}</th>
                </tr>
              </thead>
              <tbody>
                {report.blockHistory.map((ev) => (
                  <tr key={ev.id}>
                    <td class="nowrap">{when(ev.at)}</td>
                    <td>
                      {tx.action[ev.action]}
                      {ev.source && <span class="sub">{tx.source[ev.source]}</span>}
                    </td>
                    <td>{ev.actor}</td>
                    <td>{shownReason(ev.reason, tx.fixedReasons)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
        {(blocked || report.blockHistory.length > 0) && <p class="sub-line">{tx.blockWhyKept}</p>}

        <h3>{tx.registerTitle}</h3>
        <p data-testid="register-status">
          {register.snapshotDate === null ? tx.registerNone : register.listed ? tx.registerListed(register.snapshotDate) : tx.registerNotListed(register.snapshotDate)}
        </p>
      </section>

      <section class="keep-together">
        <h2>3. {tx.retentionTitle}</h2>
        <ul>
          {report.campaigns.map((c) => (
            <li key={c.id}>{tx.logRetention(c.name, c.logRetentionDays)}</li>
          ))}
          {report.campaigns.some((c) => c.fields.length > 0) && <li>{tx.fieldRetention}</li>}
          <li>{tx.blockRetention}</li>
          {register.snapshotDate !== null && <li>{tx.registerRetention}</li>}
        </ul>
      </section>

      <section class="keep-together">
        <h2>4. {tx.rightsTitle}</h2>
        <dl class="rights">
          {[rights.access, rights.rectification, rights.erasure, rights.restriction, rights.objection, rights.portability, rights.complaint].map((r) => (
            <div key={r.title}>
              <dt>{r.title}</dt>
              <dd>{r.text}</dd>
            </div>
          ))}
        </dl>
      </section>

      <section class="keep-together">
        <h2>5. {tx.contactTitle}</h2>
        <p>{tx.contactIntro}</p>
        <ul class="contacts">
          {groups.map((g) => (
            <li key={g.key}>
              <strong>{tx.contactController(controllerName(g))}</strong>: {g.controller?.contact || tx.contactMissing}
            </li>
          ))}
          <li>
            <strong>{tx.contactProcessor(processorName)}</strong>: {report.processor.contact || tx.contactMissing}
          </li>
        </ul>
      </section>

      <footer class="report-foot">{tx.footer(formatDateTime(generated, locale))}</footer>
    </main>
  );
}
