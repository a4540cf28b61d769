import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { askBackground } from '@/components/ask-background';
import { categoryLabel, legalBasisLabel } from '@/components/setup-labels';
import type { Campaign, CatalogField } from '@/lib/db';
import { t } from '@/lib/i18n';
import { type PageFieldHit, type PageFieldsResult, type PanelEnvelope, PanelRequest, PageRequest } from '@/lib/messages';
import { loadPageFields, type PageFieldsState } from './page-fields-state';

async function askPage<T extends PanelRequest>(tabId: number, message: PanelEnvelope<T>): Promise<unknown> {
  return browser.tabs.sendMessage(tabId, message);
}

/**
 * The active campaign's catalogued fields found on the CRM page beside the
 * panel, each with why it is stored; and the personal-data fields on that page
 * with no catalogue entry. Pointing at a row outlines the field on the page.
 */
export function PageFields({ campaign }: { campaign: Campaign }) {
  const [state, setState] = useState<PageFieldsState>({ kind: 'loading' });
  const [round, setRound] = useState(0);
  const pageTabRef = useRef<number | null>(null);

  useEffect(() => {
    let alive = true;
    setState({ kind: 'loading' });
    // loadPageFields never rejects: a background or page that does not answer shows "cannot read this page".
    void loadPageFields(campaign, {
      pageTab: () => askBackground(PageRequest.PageTab, {}),
      findFields: async (tabId, fields) => (await askPage(tabId, { type: PanelRequest.FindFields, payload: { fields } })) as PageFieldsResult | undefined,
      onTab: (tabId) => {
        if (alive) pageTabRef.current = tabId;
      },
    }).then((next) => {
      if (alive) setState(next);
    });
    return () => {
      alive = false;
    };
  }, [campaign, round]);

  // The page beside the panel navigated or another tab came to the front: look again.
  useEffect(() => {
    const again = () => setRound((n) => n + 1);
    const onUpdated = (id: number, change: { status?: string }) => change.status === 'complete' && id === pageTabRef.current && again();
    browser.tabs.onActivated.addListener(again);
    browser.tabs.onUpdated.addListener(onUpdated);
    return () => {
      browser.tabs.onActivated.removeListener(again);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  }, []);

  const tabId = state.kind === 'ready' ? state.tabId : null;
  const outline = (key: string | null) => {
    if (tabId !== null) void askPage(tabId, { type: PanelRequest.HighlightField, payload: { key } }).catch(() => undefined);
  };
  const byId = new Map(campaign.fields.map((f) => [f.id, f]));

  return (
    <section class="card" aria-labelledby="fields-title">
      <div class="row between">
        <h2 id="fields-title">{t('panelFieldsTitle')}</h2>
        <button type="button" class="small" onClick={() => setRound((n) => n + 1)}>
          {t('panelFieldsRefresh')}
        </button>
      </div>
      {state.kind === 'loading' && <p class="muted">{t('loading')}</p>}
      {state.kind === 'no-page' && <p class="muted">{t('panelFieldsNoPage')}</p>}
      {state.kind === 'unreachable' && <p class="muted">{t('panelFieldsUnreachable')}</p>}
      {state.kind === 'ready' && state.offSite && (
        <p class="notice warn small" role="status" data-testid="off-site">
          {t('panelFieldsOffSite', state.offSite)}
        </p>
      )}
      {state.kind === 'ready' && (
        <>
          {state.result.found.length === 0 ? (
            <p class="muted">{t('panelFieldsNone')}</p>
          ) : (
            <>
              <p class="muted small">{t('panelFieldsHoverHint')}</p>
              <ul class="fields" onMouseLeave={() => outline(null)}>
                {state.result.found.map((hit) => {
                  const field = hit.catalogId ? byId.get(hit.catalogId) : undefined;
                  return field ? <FieldRow key={hit.key} hit={hit} field={field} outline={outline} /> : null;
                })}
              </ul>
            </>
          )}
          {state.result.undocumented.length > 0 && !state.offSite && (
            <div class="notice warn undocumented" role="status">
              <p>
                <strong>{t('panelUndocumentedTitle', String(state.result.undocumented.length))}</strong>
              </p>
              <p class="small">{t('panelUndocumentedHelp')}</p>
              <ul class="fields" onMouseLeave={() => outline(null)}>
                {state.result.undocumented.map((hit) => (
                  <li
                    key={hit.key}
                    tabIndex={0}
                    data-field={hit.label}
                    data-undocumented="true"
                    onMouseEnter={() => outline(hit.key)}
                    onFocus={() => outline(hit.key)}
                    onBlur={() => outline(null)}
                  >
                    {hit.label}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {state.result.missing.length > 0 && (
            <p class="muted small">
              {t(
                'panelMissingFields',
                state.result.missing
                  .map((id) => byId.get(id)?.label)
                  .filter(Boolean)
                  .join(', '),
              )}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function FieldRow({ hit, field, outline }: { hit: PageFieldHit; field: CatalogField; outline: (key: string | null) => void }) {
  return (
    <li tabIndex={0} data-field={field.label} onMouseEnter={() => outline(hit.key)} onFocus={() => outline(hit.key)} onBlur={() => outline(null)}>
      <p class="field-label">
        <strong>{field.label}</strong> {hit.count > 1 && <span class="muted small">{t('panelFieldCount', String(hit.count))}</span>}
      </p>
      <dl class="field-facts">
        <dt>{t('panelFieldPurpose')}</dt>
        <dd>{field.purpose}</dd>
        <dt>{t('panelFieldBasis')}</dt>
        <dd>{legalBasisLabel(field.legalBasis)}</dd>
        <dt>{t('panelFieldCategory')}</dt>
        <dd>{categoryLabel(field.category)}</dd>
        <dt>{t('panelFieldRetention')}</dt>
        <dd>{field.retention}</dd>
      </dl>
    </li>
  );
}
