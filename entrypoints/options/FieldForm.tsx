import { useState } from 'preact/hooks';
import { DATA_CATEGORIES, type DataCategory, LEGAL_BASES, type LegalBasis } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { FieldDraft } from '@/lib/setup/setup-store';
import type { SetupProblem } from '@/lib/setup/validate';
import { categoryLabel, legalBasisLabel, problemMap } from '@/components/setup-labels';
import { FieldError, TextField, describedBy } from './TextField';

/**
 * One field of a campaign's catalogue: the CRM label, an optional selector,
 * and why it is stored (purpose, legal basis, category, retention). A new
 * field starts with no legal basis and no category: the user must choose them.
 * `save` returns the problems of this field (paths relative to it: `purpose`),
 * or [] when saved (or when saving failed and the catalogue says so: the form
 * then stays open with what was typed).
 */
export function FieldForm({
  idPrefix,
  field,
  isNew,
  save,
  onCancel,
}: {
  idPrefix: string;
  field: FieldDraft;
  isNew: boolean;
  save: (field: FieldDraft) => Promise<SetupProblem[]>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<FieldDraft>(field);
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof FieldDraft>(key: K) => (value: FieldDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = problemMap(problems);
  // The selects offer only allowed values, so their one problem is "nothing chosen": say that plainly.
  const basisError = errors.has('legalBasis') ? t('setupFieldNeedBasis') : undefined;
  const categoryError = errors.has('category') ? t('setupFieldNeedCategory') : undefined;
  const id = (name: string) => `${idPrefix}-${name}`;

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      setProblems(await save(draft));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="setup-form field-form" onSubmit={submit} noValidate aria-label={isNew ? t('setupFieldAddTitle') : t('setupFieldEditTitle', field.label)}>
      <h4>{isNew ? t('setupFieldAddTitle') : t('setupFieldEditTitle', field.label)}</h4>
      <div class="grid-2">
        <TextField id={id('label')} label={t('setupFieldLabel')} value={draft.label} onInput={set('label')} error={errors.get('label')} help={t('setupFieldLabelHelp')} required />
        <TextField id={id('selector')} label={t('setupFieldSelector')} value={draft.selector} onInput={set('selector')} error={errors.get('selector')} help={t('setupFieldSelectorHelp')} placeholder="#card-mobile" />
      </div>
      <TextField id={id('purpose')} label={t('setupFieldPurpose')} value={draft.purpose} onInput={set('purpose')} error={errors.get('purpose')} help={t('setupFieldPurposeHelp')} required />
      <div class="grid-3">
        <div class="form-field">
          <label for={id('basis')}>{t('setupFieldLegalBasis')}</label>
          <select id={id('basis')} value={draft.legalBasis} onChange={(e) => set('legalBasis')(e.currentTarget.value as LegalBasis | '')} {...describedBy(id('basis'), basisError)}>
            <option value="">{t('setupFieldChooseBasisOption')}</option>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {legalBasisLabel(b)}
              </option>
            ))}
          </select>
          <FieldError id={id('basis')} message={basisError} alert />
        </div>
        <div class="form-field">
          <label for={id('category')}>{t('setupFieldCategory')}</label>
          <select id={id('category')} value={draft.category} onChange={(e) => set('category')(e.currentTarget.value as DataCategory | '')} {...describedBy(id('category'), categoryError)}>
            <option value="">{t('setupFieldChooseCategoryOption')}</option>
            {DATA_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
          <FieldError id={id('category')} message={categoryError} alert />
        </div>
        <TextField id={id('retention')} label={t('setupFieldRetention')} value={draft.retention} onInput={set('retention')} error={errors.get('retention')} placeholder={t('setupFieldRetentionExample')} required />
      </div>
      {problems.length > 0 && (
        <p class="notice bad" role="alert">
          {t('setupFixProblems', String(problems.length))}
        </p>
      )}
      <div class="actions">
        <button type="submit" class="primary" disabled={busy}>
          {isNew ? t('setupFieldAdd') : t('save')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('setupCancel')}
        </button>
      </div>
    </form>
  );
}
