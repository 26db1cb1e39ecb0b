import { type FormEvent, useId, useState } from 'react';
import { newId } from '@/lib/db';
import type { Action, ResultEntry } from '@/lib/domain';
import { type FormErrors, parseResultForm, RESULT_METRICS, type ResultFormValues } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { ActionOptions, Field, invalidProps } from './fields';

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
  const { t, lang } = useI18n();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<ResultFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors<ResultFormValues>>({});
  const [storeError, setStoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldIds: Partial<Record<keyof ResultFormValues, string>> = { actionId: 'action' };
  const set = <K extends keyof ResultFormValues>(key: K, value: ResultFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStoreError(null);
    const parsed = parseResultForm(values, lang, entryId ?? newId('res'));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      // Keyboard and screen-reader users land on the first field to fix.
      const first = (Object.keys(values) as (keyof ResultFormValues)[]).find((k) => parsed.errors[k]);
      if (first) document.getElementById(id(fieldIds[first] ?? String(first)))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(parsed.value);
      if (!entryId) setValues((v) => ({ ...v, value: '', note: '' }));
    } catch (e) {
      setStoreError(t('ledger.err.store', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="pp-form" onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      <Field id={id('action')} label={t('ledger.field.action')} error={errors.actionId} wide>
        <select
          id={id('action')}
          value={values.actionId}
          onChange={(e) => set('actionId', e.target.value)}
          {...invalidProps(id('action'), errors.actionId)}
        >
          {!values.actionId && <option value="">—</option>}
          <ActionOptions actions={actions} />
        </select>
      </Field>
      <Field id={id('date')} label={t('ledger.field.date')} error={errors.date}>
        <input
          id={id('date')}
          type="date"
          value={values.date}
          onChange={(e) => set('date', e.target.value)}
          {...invalidProps(id('date'), errors.date)}
        />
      </Field>
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
      <Field id={id('note')} label={t('ledger.field.note')} error={errors.note} wide>
        <input
          id={id('note')}
          value={values.note}
          onChange={(e) => set('note', e.target.value)}
          {...invalidProps(id('note'), errors.note)}
        />
      </Field>
      {storeError && (
        <p className="pp-error pp-field-wide" role="alert">
          {storeError}
        </p>
      )}
      <div className="pp-row pp-field-wide">
        <button type="submit" className="pp-primary" disabled={busy}>
          {submitLabel ?? t('ledger.save')}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('ledger.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
