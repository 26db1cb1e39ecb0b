import type { Action, ResultEntry } from '@/lib/domain';
import { parseResultForm, RESULT_METRICS, type ResultFormValues } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { EntryForm, useEntryForm } from './EntryForm';
import { Field, invalidProps } from './fields';

/** Adds or edits a result entry (leads met at a trade show, offline sales…). */
export function ResultForm({
  actions,
  initial,
  entryId,
  submitLabel,
  onSave,
  onCancel,
  testId = 'result-form',
}: {
  actions: readonly Action[];
  initial: ResultFormValues;
  entryId?: string;
  submitLabel?: string;
  onSave: (entry: ResultEntry) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t } = useI18n();
  const form = useEntryForm({
    initial,
    entryId,
    idPrefix: 'res',
    parse: parseResultForm,
    clearedAfterAdd: { value: '', note: '' },
    onSave,
  });
  const { id, values, errors, set } = form;

  return (
    <EntryForm form={form} actions={actions} testId={testId} submitLabel={submitLabel} onCancel={onCancel}>
      <Field id={id('metric')} label={t('ledger.field.metric')} error={errors.metric}>
        <select
          id={id('metric')}
          value={values.metric}
          onChange={(e) => set('metric', e.target.value)}
          {...invalidProps(id('metric'), errors.metric)}
        >
          {RESULT_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metric.${m}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field id={id('value')} label={t('ledger.field.value')} error={errors.value}>
        <input
          id={id('value')}
          inputMode="decimal"
          autoComplete="off"
          value={values.value}
          onChange={(e) => set('value', e.target.value)}
          {...invalidProps(id('value'), errors.value)}
        />
      </Field>
    </EntryForm>
  );
}
