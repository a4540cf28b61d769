import { DEFAULT_OUTCOME_KINDS, type Outcome, newId } from '@/lib/db';
import { t } from '@/lib/i18n';
import { outcomeKindLabel } from '@/components/setup-labels';
import { FieldError, describedBy } from './TextField';

/**
 * The outcomes agents choose from in a campaign: the built-in ones (their
 * label is optional, the translated name is used when empty) and the
 * campaign's own ("custom", label required). Add, remove, move up/down.
 */
export function OutcomesEditor({ idPrefix, outcomes, onChange, errors }: { idPrefix: string; outcomes: Outcome[]; onChange: (next: Outcome[]) => void; errors: Map<string, string> }) {
  const missing = DEFAULT_OUTCOME_KINDS.filter((k) => !outcomes.some((o) => o.kind === k));
  const update = (index: number, patch: Partial<Outcome>) => onChange(outcomes.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...outcomes];
    const [item] = next.splice(index, 1);
    next.splice(index + by, 0, item!);
    onChange(next);
  };
  const listError = errors.get('outcomes');
  return (
    <div class="outcomes" role="group" aria-labelledby={`${idPrefix}-outcomes-title`}>
      <h4 id={`${idPrefix}-outcomes-title`}>{t('setupOutcomesTitle')}</h4>
      <p class="muted help">{t('setupOutcomesHelp')}</p>
      <ol class="outcome-list">
        {outcomes.map((o, i) => {
          const id = `${idPrefix}-outcome-${i}`;
          const error = errors.get(`outcomes[${i}].label`) ?? errors.get(`outcomes[${i}].kind`) ?? errors.get(`outcomes[${i}].id`) ?? errors.get(`outcomes[${i}]`);
          const name = o.kind === 'other' ? o.label || t('setupOutcomeOther') : outcomeKindLabel(o.kind);
          return (
            <li key={o.id} class="outcome-row">
              <span class="kind">{o.kind === 'other' ? <span class="tag neutral">{t('setupOutcomeOther')}</span> : outcomeKindLabel(o.kind)}</span>
              <div class="label-input">
                <label for={id} class="sr-only">
                  {o.kind === 'other' ? t('setupOutcomeLabelFor', String(i + 1)) : t('setupOutcomeOverrideFor', outcomeKindLabel(o.kind))}
                </label>
                <input
                  id={id}
                  value={o.label}
                  placeholder={o.kind === 'other' ? t('setupOutcomeLabelPlaceholder') : t('setupOutcomeOverridePlaceholder')}
                  onInput={(e) => update(i, { label: e.currentTarget.value })}
                  {...describedBy(id, error)}
                />
                <FieldError id={id} message={error} />
              </div>
              <div class="actions">
                <button type="button" onClick={() => move(i, -1)} disabled={i === 0} aria-label={t('setupMoveUp', name)} title={t('setupMoveUp', name)}>
                  ↑
                </button>
                <button type="button" onClick={() => move(i, 1)} disabled={i === outcomes.length - 1} aria-label={t('setupMoveDown', name)} title={t('setupMoveDown', name)}>
                  ↓
                </button>
                <button type="button" onClick={() => onChange(outcomes.filter((_, j) => j !== i))} aria-label={t('setupRemoveNamed', name)}>
                  {t('setupRemove')}
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      {listError && (
        <p id={`${idPrefix}-outcomes-error`} class="error">
          {listError}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={() => onChange([...outcomes, { id: newId(), kind: 'other', label: '' }])}>
          {t('setupOutcomeAddCustom')}
        </button>
        {missing.map((kind) => (
          <button key={kind} type="button" onClick={() => onChange([...outcomes, { id: newId(), kind, label: '' }])}>
            {t('setupOutcomeAddBuiltIn', outcomeKindLabel(kind))}
          </button>
        ))}
      </div>
    </div>
  );
}
