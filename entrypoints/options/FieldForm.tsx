import { useState } from 'preact/hooks';
import { type CatalogField, DATA_CATEGORIES, type DataCategory, LEGAL_BASES, type LegalBasis } from '@/lib/db';
import { t } from '@/lib/i18n';
import type { SetupProblem } from '@/lib/setup/validate';
import { categoryLabel, legalBasisLabel, problemMap } from '@/components/setup-labels';
import { FieldError, TextField, describedBy } from './TextField';

/**
 * One field of a campaign's catalogue: the CRM label, an optional selector,
 * and why it is stored (purpose, legal basis, category, retention).
 * `save` returns the problems of this field (paths relative to it: `purpose`), or [] when saved.
 */
export function FieldForm({
  idPrefix,
  field,
  isNew,
  save,
  onCancel,
}: {
  idPrefix: string;
  field: CatalogField;
  isNew: boolean;
  save: (field: CatalogField) => Promise<SetupProblem[]>;
  onCancel: () => void;
}) {
  const [draft, setDraft] = useState<CatalogField>(field);
  const [problems, setProblems] = useState<SetupProblem[]>([]);
  const [busy, setBusy] = useState(false);
  const set = <K extends keyof CatalogField>(key: K) => (value: CatalogField[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errors = problemMap(problems);
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
          <select id={id('basis')} value={draft.legalBasis} onChange={(e) => set('legalBasis')(e.currentTarget.value as LegalBasis)} {...describedBy(id('basis'), errors.get('legalBasis'))}>
            {LEGAL_BASES.map((b) => (
              <option key={b} value={b}>
                {legalBasisLabel(b)}
              </option>
            ))}
          </select>
          <FieldError id={id('basis')} message={errors.get('legalBasis')} />
        </div>
        <div class="form-field">
          <label for={id('category')}>{t('setupFieldCategory')}</label>
          <select id={id('category')} value={draft.category} onChange={(e) => set('category')(e.currentTarget.value as DataCategory)} {...describedBy(id('category'), errors.get('category'))}>
            {DATA_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c)}
              </option>
            ))}
          </select>
          <FieldError id={id('category')} message={errors.get('category')} />
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
