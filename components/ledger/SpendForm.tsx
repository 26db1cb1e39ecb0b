import { type FormEvent, useId, useState } from 'react';
import { newId } from '@/lib/db';
import { type Action, SPEND_CATEGORIES, type SpendEntry } from '@/lib/domain';
import { excludingTax, type FormErrors, parseDecimal, parseSpendForm, type SpendFormValues } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { ActionOptions, Field, invalidProps } from './fields';

/**
 * Adds or edits a spend entry. The amount is excluding tax, or including tax with a VAT rate (20 % by
 * default) and then stored excluding tax. Errors are shown beside each field, in words; a refusal of the
 * store is shown too and nothing is written.
 */
export function SpendForm({
  actions,
  currency,
  initial,
  entryId,
  source = 'manual',
  submitLabel,
  onSave,
  onCancel,
  testId = 'spend-form',
}: {
  actions: readonly Action[];
  currency: string;
  initial: SpendFormValues;
  /** The entry edited; a new id when absent. */
  entryId?: string;
  source?: SpendEntry['source'];
  submitLabel?: string;
  onSave: (entry: SpendEntry) => Promise<void>;
  onCancel?: () => void;
  testId?: string;
}) {
  const { t, lang, fmt } = useI18n();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<SpendFormValues>(initial);
  const [errors, setErrors] = useState<FormErrors<SpendFormValues>>({});
  const [storeError, setStoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const fieldIds: Partial<Record<keyof SpendFormValues, string>> = { actionId: 'action', vatRate: 'vat' };
  const set = <K extends keyof SpendFormValues>(key: K, value: SpendFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const typed = parseDecimal(values.amount, lang);
  const rate = parseDecimal(values.vatRate, lang);
  const preview =
    values.amountIncludesTax && typed !== null && typed > 0 && rate !== null && rate >= 0 && rate <= 100
      ? excludingTax(typed, rate / 100)
      : null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStoreError(null);
    const parsed = parseSpendForm(values, lang, entryId ?? newId('sp'), source);
    if (!parsed.ok) {
      setErrors(parsed.errors);
      // Keyboard and screen-reader users land on the first field to fix.
      const first = (Object.keys(values) as (keyof SpendFormValues)[]).find((k) => parsed.errors[k]);
      if (first) document.getElementById(id(fieldIds[first] ?? String(first)))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(parsed.value);
      if (!entryId) setValues((v) => ({ ...v, amount: '', note: '' }));
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
      <Field id={id('amount')} label={t(values.amountIncludesTax ? 'ledger.field.amountTtc' : 'ledger.field.amount')} error={errors.amount}>
        <input
          id={id('amount')}
          inputMode="decimal"
          autoComplete="off"
          value={values.amount}
          onChange={(e) => set('amount', e.target.value)}
          {...invalidProps(id('amount'), errors.amount)}
        />
      </Field>
      <div className="pp-field pp-field-tax">
        <label className="pp-check" htmlFor={id('ttc')}>
          <input
            id={id('ttc')}
            type="checkbox"
            checked={values.amountIncludesTax}
            onChange={(e) => set('amountIncludesTax', e.target.checked)}
          />
          {t('ledger.field.includesTax')}
        </label>
        {values.amountIncludesTax && (
          <Field id={id('vat')} label={t('ledger.field.vatRate')} error={errors.vatRate}>
            <input
              id={id('vat')}
              inputMode="decimal"
              className="pp-input-short"
              value={values.vatRate}
              onChange={(e) => set('vatRate', e.target.value)}
              {...invalidProps(id('vat'), errors.vatRate)}
            />
          </Field>
        )}
        {preview !== null && (
          <span className="pp-muted pp-small" data-testid="excl-tax-preview">
            {t('ledger.excludingTax', { amount: fmt(currency).money(preview) })}
          </span>
        )}
      </div>
      <Field id={id('category')} label={t('ledger.field.category')} error={errors.category}>
        <select
          id={id('category')}
          value={values.category}
          onChange={(e) => set('category', e.target.value)}
          {...invalidProps(id('category'), errors.category)}
        >
          {SPEND_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`category.${c}`)}
            </option>
          ))}
        </select>
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
