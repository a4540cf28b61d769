import { useState } from 'preact/hooks';
import { type Agreement, type Client, getDb } from '@/lib/db';
import { t } from '@/lib/i18n';
import { saveClient } from '@/lib/setup/setup-store';
import { type SetupProblem, normaliseOrgNumber } from '@/lib/setup/validate';
import { deletionByLabel, problemMap } from '@/components/setup-labels';
import { FieldError, TextField, describedBy } from './TextField';

interface Draft {
  name: string;
  orgNumber: string;
  contact: string;
  hasAgreement: boolean;
  reference: string;
  signedDate: string;
  deletionBy: Agreement['deletionBy'];
  deletionWhen: string;
  notes: string;
}

function draftOf(client: Client | null): Draft {
  const a = client?.agreement;
  return {
    name: client?.name ?? '',
    orgNumber: client?.orgNumber ?? '',
    contact: client?.contact ?? '',
    hasAgreement: client ? a !== null : true,
    reference: a?.reference ?? '',
    signedDate: a?.signedDate ?? '',
    deletionBy: a?.deletionBy ?? 'processor',
    deletionWhen: a?.deletionWhen ?? '',
    notes: a?.notes ?? '',
  };
}

/** Adds or edits a client and its data processing agreement (or records that there is none). */
export function ClientForm({ agent, client, onDone }: { agent: string; client: Client | null; onDone: (saved: Client | null) => void }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(client));
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = problemMap(problems);
  const prefix = client ? `client-${client.id}` : 'client-new';
  const id = (name: string) => `${prefix}-${name}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setFailure('');
    try {
      const result = await saveClient(
        getDb(),
        {
          ...(client ? { id: client.id } : {}),
          name: draft.name,
          orgNumber: normaliseOrgNumber(draft.orgNumber),
          contact: draft.contact,
          agreement: draft.hasAgreement
            ? { reference: draft.reference, signedDate: draft.signedDate, deletionBy: draft.deletionBy, deletionWhen: draft.deletionWhen, notes: draft.notes }
            : null,
        },
        agent,
        { reason: client ? t('setupAuditClientChanged', draft.name.trim()) : t('setupAuditClientAdded', draft.name.trim()) },
      );
      if (result.ok) {
        setProblems([]);
        onDone(result.value);
      } else {
        setProblems(result.problems);
      }
    } catch (error) {
      setFailure(t('saveFailed', error instanceof Error ? error.message : String(error)));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="setup-form" onSubmit={submit} noValidate aria-label={client ? t('setupClientEditTitle', client.name) : t('setupClientAddTitle')}>
      <h3>{client ? t('setupClientEditTitle', client.name) : t('setupClientAddTitle')}</h3>
      <div class="grid-2">
        <TextField id={id('name')} label={t('setupClientName')} value={draft.name} onInput={set('name')} error={errors.get('name')} required maxLength={200} />
        <TextField
          id={id('org')}
          label={t('setupClientOrgNumber')}
          value={draft.orgNumber}
          onInput={set('orgNumber')}
          error={errors.get('orgNumber')}
          required
          inputMode="numeric"
          placeholder="923 456 783"
        />
      </div>
      <TextField id={id('contact')} label={t('setupClientContact')} value={draft.contact} onInput={set('contact')} error={errors.get('contact')} help={t('setupClientContactHelp')} />

      <div class="agreement" role="group" aria-labelledby={id('agreement-title')}>
        <h4 id={id('agreement-title')}>{t('setupAgreementTitle')}</h4>
        <fieldset>
          <legend class="sr-only">{t('setupAgreementTitle')}</legend>
          <label>
            <input type="radio" name={id('has-agreement')} checked={draft.hasAgreement} onChange={() => set('hasAgreement')(true)} /> {t('setupAgreementOnRecord')}
          </label>
          <label>
            <input type="radio" name={id('has-agreement')} checked={!draft.hasAgreement} onChange={() => set('hasAgreement')(false)} /> {t('setupAgreementNone')}
          </label>
        </fieldset>
        {!draft.hasAgreement && (
          <p class="notice warn" role="note">
            {t('setupNoAgreementExplain')}
          </p>
        )}
        {draft.hasAgreement && (
          <>
            <div class="grid-2">
              <TextField id={id('ref')} label={t('setupAgreementReference')} value={draft.reference} onInput={set('reference')} error={errors.get('agreement.reference')} required />
              <TextField id={id('signed')} type="date" label={t('setupAgreementSigned')} value={draft.signedDate} onInput={set('signedDate')} error={errors.get('agreement.signedDate')} required />
            </div>
            <div class="grid-2">
              <div class="form-field">
                <label for={id('deletion-by')}>{t('setupAgreementDeletionBy')}</label>
                <select id={id('deletion-by')} value={draft.deletionBy} onChange={(e) => set('deletionBy')(e.currentTarget.value as Agreement['deletionBy'])} {...describedBy(id('deletion-by'), errors.get('agreement.deletionBy'))}>
                  <option value="processor">{deletionByLabel('processor')}</option>
                  <option value="client">{deletionByLabel('client')}</option>
                </select>
                <FieldError id={id('deletion-by')} message={errors.get('agreement.deletionBy')} />
              </div>
              <TextField
                id={id('deletion-when')}
                label={t('setupAgreementDeletionWhen')}
                value={draft.deletionWhen}
                onInput={set('deletionWhen')}
                error={errors.get('agreement.deletionWhen')}
                placeholder={t('setupAgreementDeletionWhenExample')}
                required
              />
            </div>
            <TextField id={id('notes')} label={t('setupAgreementNotes')} value={draft.notes} onInput={set('notes')} error={errors.get('agreement.notes')} multiline />
          </>
        )}
      </div>

      {problems.length > 0 && (
        <p class="notice bad" role="alert">
          {t('setupFixProblems', String(problems.length))}
        </p>
      )}
      {failure && (
        <p class="notice bad" role="alert">
          {failure}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {client ? t('save') : t('setupClientAdd')}
        </button>
        <button type="button" onClick={() => onDone(null)}>
          {t('setupCancel')}
        </button>
      </div>
    </form>
  );
}
