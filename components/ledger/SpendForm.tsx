import { type Action, SPEND_CATEGORIES, type SpendEntry } from '@/lib/domain';
import { excludingTax, parseDecimal, parseSpendForm, type SpendFormValues } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { EntryForm, useEntryForm } from './EntryForm';
import { Field, invalidProps } from './fields';

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
  const form = useEntryForm({
    initial,
    entryId,
    idPrefix: 'sp',
    parse: (values: SpendFormValues, formLang, id) => parseSpendForm(values, formLang, id, source),
    fieldIds: { vatRate: 'vat' },
    clearedAfterAdd: { amount: '', note: '' },
    onSave,
  });
  const { id, values, errors, set } = form;

  const typed = parseDecimal(values.amount, lang);
  const rate = parseDecimal(values.vatRate, lang);
  const preview =
    values.amountIncludesTax && typed !== null && typed > 0 && rate !== null && rate >= 0 && rate <= 100
      ? excludingTax(typed, rate / 100)
      : null;

  return (
    <EntryForm form={form} actions={actions} testId={testId} submitLabel={submitLabel} onCancel={onCancel}>
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
    </EntryForm>
  );
}
