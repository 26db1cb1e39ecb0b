import { type FormEvent, useId, useState } from 'react';
import { type DeletedBundle, deletePlan, planpilotDb, upsertPlan } from '@/lib/db';
import { type Plan, planSchema } from '@/lib/domain';
import { type PlanDraft, planDraftOf, planFromDraft, validateRow } from '@/lib/planning';
import { ErrorSummary, NumberField, SelectField, TextAreaField, TextField, useFormErrors } from '../common/forms';
import { useI18n } from '../common/i18n';
import { weekdayNames } from '../common/periods';

/** Locales a plan's figures can be formatted in (the plan's own, if another, is added). */
const LOCALES = ['fr-FR', 'fr-BE', 'fr-CH', 'fr-CA', 'en-GB', 'en-US', 'de-DE', 'es-ES', 'it-IT', 'nl-NL'] as const;
const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'CAD'] as const;

export function saveFailure(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The plan itself: period, currency, tolerance, week start, the review of the previous period and the strategy. */
export function PlanEditor({
  plan,
  onSaved,
  onDeleted,
}: {
  plan: Plan;
  onSaved: (message: string) => void;
  onDeleted: (message: string, bundle: DeletedBundle) => void;
}) {
  const { t, locale, lang } = useI18n();
  const id = useId();
  const [draft, setDraft] = useState<PlanDraft>(() => planDraftOf(plan, locale));
  const [failure, setFailure] = useState<string | null>(null);
  const errors = useFormErrors();
  const set =
    <K extends keyof PlanDraft>(key: K) =>
    (value: PlanDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const fieldId = (field: string) => `${id}-${field}`;

  async function save(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const result = validateRow(planSchema, planFromDraft(plan, draft, locale));
    if (!result.ok) {
      errors.setIssues(result.issues);
      return;
    }
    errors.clear();
    try {
      await upsertPlan(planpilotDb, result.value);
      onSaved(t('plan.saved'));
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  async function remove() {
    setFailure(null);
    try {
      const bundle = await deletePlan(planpilotDb, plan.id);
      onDeleted(t('plan.deleted', { name: plan.name }), bundle);
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  const languageNames = new Intl.DisplayNames([lang], { type: 'language' });
  const locales = [...new Set([...LOCALES, plan.locale])];
  const weekdays = weekdayNames(locale);
  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="plan-editor">
      <h2 id={`${id}-title`}>{t('plan.title')}</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <ErrorSummary errors={errors.list} idOf={fieldId} />
        <div className="pp-form-grid">
          <TextField
            id={fieldId('name')}
            label={t('field.name')}
            value={draft.name}
            onChange={set('name')}
            error={errors.errorOf('name')}
            className="pp-field-wide"
          />
          <TextField
            id={fieldId('start')}
            type="date"
            label={t('field.start')}
            value={draft.start}
            onChange={set('start')}
            error={errors.errorOf('start')}
          />
          <TextField
            id={fieldId('end')}
            type="date"
            label={t('field.end')}
            value={draft.end}
            onChange={set('end')}
            error={errors.errorOf('end')}
          />
          <TextField
            id={fieldId('currency')}
            label={t('field.currency')}
            value={draft.currency}
            onChange={set('currency')}
            error={errors.errorOf('currency')}
            list={`${id}-currencies`}
            maxLength={3}
            autoComplete="off"
          />
          <datalist id={`${id}-currencies`}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c} />
            ))}
          </datalist>
          <SelectField
            id={fieldId('locale')}
            label={t('field.locale')}
            value={draft.locale}
            onChange={set('locale')}
            error={errors.errorOf('locale')}
            options={locales.map((l) => ({ value: l, label: `${languageNames.of(l) ?? l}` }))}
          />
          <NumberField
            id={fieldId('tolerance')}
            label={t('field.tolerance')}
            value={draft.tolerance}
            onChange={set('tolerance')}
            error={errors.errorOf('tolerance')}
            hint={t('plan.toleranceHint')}
          />
          <SelectField
            id={fieldId('weekStartsOn')}
            label={t('field.weekStartsOn')}
            value={draft.weekStartsOn}
            onChange={set('weekStartsOn')}
            error={errors.errorOf('weekStartsOn')}
            options={[1, 2, 3, 4, 5, 6, 0].map((d) => ({ value: String(d), label: weekdays[d] ?? String(d) }))}
          />
          <NumberField
            id={fieldId('freezeDelayDays')}
            label={t('field.freezeDelayDays')}
            value={draft.freezeDelayDays}
            onChange={set('freezeDelayDays')}
            error={errors.errorOf('freezeDelayDays')}
            hint={t('plan.freezeHint')}
          />
          <TextAreaField
            id={fieldId('review')}
            label={t('field.review')}
            value={draft.review}
            onChange={set('review')}
            error={errors.errorOf('review')}
            rows={4}
          />
          <TextAreaField
            id={fieldId('notes')}
            label={t('field.notes')}
            value={draft.notes}
            onChange={set('notes')}
            error={errors.errorOf('notes')}
            rows={3}
          />
        </div>
        {failure && (
          <p className="pp-error" role="alert">
            {failure}
          </p>
        )}
        <div className="pp-row pp-form-actions">
          <button type="submit" className="pp-primary">
            {t('form.save')}
          </button>
          <span className="pp-spacer" />
          <button type="button" className="pp-danger" onClick={() => void remove()}>
            {t('plan.delete')}
          </button>
        </div>
      </form>
    </section>
  );
}
