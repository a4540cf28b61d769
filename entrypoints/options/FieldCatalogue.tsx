import { useState } from 'preact/hooks';
import { type Campaign, type CatalogField, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { type FieldDraft, copyFields, emptyField, saveCampaign } from '@/lib/setup/setup-store';
import type { SetupProblem } from '@/lib/setup/validate';
import { FieldForm } from './FieldForm';
import { categoryLabel, legalBasisLabel, selectorIsValid } from '@/components/setup-labels';

type Message = { ok: boolean; text: string };

/**
 * Problems of fields[index], with paths relative to the field. Only that field
 * changed, so a duplicate label reported on another field is its problem too.
 */
function fieldProblems(problems: SetupProblem[], index: number): SetupProblem[] {
  const prefix = `fields[${index}].`;
  return problems.map((p) => {
    if (p.path.startsWith(prefix)) return { ...p, path: p.path.slice(prefix.length) };
    if (p.problem === 'duplicate-label' && /^fields\[\d+\]\.label$/.test(p.path)) return { ...p, path: 'label' };
    return p;
  });
}

/**
 * A campaign's field catalogue: every CRM field it stores, with purpose,
 * legal basis, category and retention (fields not listed here show up on the
 * page as undocumented personal data).
 */
export function FieldCatalogue({ agent, campaign, campaigns }: { agent: string; campaign: Campaign; campaigns: Campaign[] }) {
  const [editing, setEditing] = useState<string | 'new' | null>(null);
  const [newField, setNewField] = useState<FieldDraft>(emptyField);
  const [copyFrom, setCopyFrom] = useState('');
  const [message, setMessage] = useState<Message | null>(null);
  const others = campaigns.filter((c) => c.id !== campaign.id && c.fields.length > 0);
  const prefix = `fields-${campaign.id}`;

  const failed = (error: unknown) => setMessage({ ok: false, text: t('saveFailed', error instanceof Error ? error.message : String(error)) });

  /** The problems of the catalogue ([] when saved), or null when saving failed (the message says so). */
  const store = async (fields: (CatalogField | FieldDraft)[], reason: string): Promise<SetupProblem[] | null> => {
    try {
      const result = await saveCampaign(getDb(), { ...campaign, fields }, agent, { reason, selectorIsValid });
      return result.ok ? [] : result.problems;
    } catch (error) {
      failed(error);
      return null;
    }
  };

  const saveField = async (field: FieldDraft, index: number): Promise<SetupProblem[]> => {
    setMessage(null);
    const fields = index < 0 ? [...campaign.fields, field] : campaign.fields.map((f, i) => (i === index ? field : f));
    const at = index < 0 ? fields.length - 1 : index;
    const stored = await store(fields, t(index < 0 ? 'setupAuditFieldAdded' : 'setupAuditFieldChanged', [field.label.trim(), campaign.name]));
    // Not saved: the form stays open with what was typed, and the message says why.
    if (stored === null) return [];
    const problems = fieldProblems(stored, at);
    if (problems.length === 0) {
      setEditing(null);
      if (index < 0) setNewField(emptyField());
      setMessage({ ok: true, text: t('setupSavedNamed', field.label.trim()) });
    }
    return problems;
  };

  const remove = async (field: CatalogField) => {
    setMessage(null);
    const problems = await store(
      campaign.fields.filter((f) => f.id !== field.id),
      t('setupAuditFieldRemoved', [field.label, campaign.name]),
    );
    if (problems === null) return;
    if (problems.length === 0) setMessage({ ok: true, text: t('setupFieldRemoved', field.label) });
  };

  const copy = async () => {
    setMessage(null);
    if (!copyFrom) return;
    const from = campaigns.find((c) => c.id === copyFrom);
    let result;
    try {
      result = await copyFields(getDb(), copyFrom, campaign.id, agent, { reason: t('setupAuditFieldsCopied', [from?.name ?? '', campaign.name]) });
    } catch (error) {
      failed(error);
      return;
    }
    if (result.ok) setMessage({ ok: true, text: t('setupFieldsCopied', [String(result.copied), String(result.skipped)]) });
    else setMessage({ ok: false, text: result.reason === 'too-many' ? t('setupFieldsTooMany') : t('setupNotFound') });
  };

  return (
    <div class="catalogue" role="region" aria-label={t('setupFieldsTitleFor', campaign.name)}>
      <h4>{t('setupFieldsTitleFor', campaign.name)}</h4>
      <p class="muted help">{t('setupFieldsHelp')}</p>
      {campaign.fields.length === 0 ? (
        <p class="notice warn">{t('setupNoFields')}</p>
      ) : (
        <div class="table-scroll catalogue-table">
          <table>
            <thead>
              <tr>
                <th>{t('setupFieldLabel')}</th>
                <th>{t('setupFieldPurpose')}</th>
                <th>{t('setupFieldLegalBasis')}</th>
                <th>{t('setupFieldCategory')}</th>
                <th>{t('setupFieldRetention')}</th>
                <th>
                  <span class="sr-only">{t('setupActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {campaign.fields.map((f, i) =>
                editing === f.id ? (
                  <tr key={f.id}>
                    <td colSpan={6}>
                      <FieldForm idPrefix={`${prefix}-${i}`} field={f} isNew={false} save={(field) => saveField(field, i)} onCancel={() => setEditing(null)} />
                    </td>
                  </tr>
                ) : (
                  <tr key={f.id} data-testid="field-row">
                    <td>
                      <strong>{f.label}</strong>
                      {f.selector && <div class="mono muted small">{f.selector}</div>}
                    </td>
                    <td>{f.purpose}</td>
                    <td>{legalBasisLabel(f.legalBasis)}</td>
                    <td>{categoryLabel(f.category)}</td>
                    <td>{f.retention}</td>
                    <td class="actions nowrap">
                      <button type="button" onClick={() => setEditing(f.id)} aria-label={t('setupEditNamed', f.label)}>
                        {t('setupEdit')}
                      </button>
                      <button type="button" onClick={() => void remove(f)} aria-label={t('setupRemoveNamed', f.label)}>
                        {t('setupRemove')}
                      </button>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </div>
      )}
      {editing === 'new' ? (
        <FieldForm idPrefix={`${prefix}-new`} field={newField} isNew save={(field) => saveField(field, -1)} onCancel={() => setEditing(null)} />
      ) : (
        <div class="row catalogue-tools">
          <button
            type="button"
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            {t('setupFieldAddButton')}
          </button>
          {others.length > 0 && (
            <>
              <div>
                <label for={`${prefix}-copy`}>{t('setupCopyFieldsFrom')}</label>
                <select id={`${prefix}-copy`} value={copyFrom} onChange={(e) => setCopyFrom(e.currentTarget.value)}>
                  <option value="">{t('setupChooseCampaign')}</option>
                  {others.map((c) => (
                    <option key={c.id} value={c.id}>
                      {t('setupCampaignWithCount', [c.name, String(c.fields.length)])}
                    </option>
                  ))}
                </select>
              </div>
              <button type="button" onClick={() => void copy()} disabled={!copyFrom}>
                {t('setupCopyFields')}
              </button>
            </>
          )}
        </div>
      )}
      {message && (
        <p class={`notice ${message.ok ? 'ok' : 'bad'}`} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
