import { type FormEvent, type ReactNode, useId, useState } from 'react';
import { newId } from '@/lib/db';
import type { Action } from '@/lib/domain';
import type { FormErrors, FormResult } from '@/lib/ledger';
import { useI18n } from '../common/i18n';
import { ActionOptions, Field, invalidProps } from './fields';

/** What every ledger form has, whatever it records. */
type EntryFormValues = { actionId: string; date: string; note: string };

/**
 * State and submit of a ledger form (spend or result): values as typed, errors beside each field, a refusal
 * of the store shown and nothing written. The form's own fields use `id`, `values`, `errors` and `set`.
 */
export function useEntryForm<V extends EntryFormValues, E>({
  initial,
  entryId,
  idPrefix,
  parse,
  fieldIds = {},
  clearedAfterAdd,
  onSave,
}: {
  initial: V;
  /** The entry edited; a new id when absent. */
  entryId?: string | undefined;
  /** Prefix of a new entry's id (`sp`, `res`). */
  idPrefix: string;
  parse: (values: V, lang: 'fr' | 'en', id: string) => FormResult<E, V>;
  /** Element id of a field when it differs from its key, so the first invalid field can take the focus. */
  fieldIds?: Partial<Record<keyof V, string>>;
  /** Fields emptied once a new entry is saved, so the next one can be typed straight away. */
  clearedAfterAdd: Partial<V>;
  onSave: (entry: E) => Promise<void>;
}) {
  const { t, lang } = useI18n();
  const uid = useId();
  const id = (name: string) => `${uid}-${name}`;
  const [values, setValues] = useState<V>(initial);
  const [errors, setErrors] = useState<FormErrors<V>>({});
  const [storeError, setStoreError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const elementIds: Partial<Record<keyof V, string>> = { actionId: 'action', ...fieldIds };
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setStoreError(null);
    const parsed = parse(values, lang, entryId ?? newId(idPrefix));
    if (!parsed.ok) {
      setErrors(parsed.errors);
      // Keyboard and screen-reader users land on the first field to fix.
      const first = (Object.keys(values) as (keyof V & string)[]).find((k) => parsed.errors[k]);
      if (first) document.getElementById(id(elementIds[first] ?? first))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSave(parsed.value);
      if (!entryId) setValues((v) => ({ ...v, ...clearedAfterAdd }));
    } catch (e) {
      setStoreError(t('ledger.err.store', { error: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  }

  return { id, values, errors, set, storeError, busy, submit };
}

/**
 * The frame of a ledger form: action and date first, the form's own fields (`children`), then the note, the
 * store's refusal and the buttons.
 */
export function EntryForm<V extends EntryFormValues, E>({
  form,
  actions,
  testId,
  submitLabel,
  onCancel,
  children,
}: {
  form: ReturnType<typeof useEntryForm<V, E>>;
  actions: readonly Action[];
  testId: string;
  submitLabel?: string | undefined;
  onCancel?: (() => void) | undefined;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const { id, values, errors, set, storeError, busy, submit } = form;
  return (
    <form className="pp-form" onSubmit={(e) => void submit(e)} noValidate data-testid={testId}>
      <Field id={id('action')} label={t('ledger.field.action')} error={errors.actionId} wide>
        <select
          id={id('action')}
          value={values.actionId}
          onChange={(e) => set('actionId', e.target.value as V['actionId'])}
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
          onChange={(e) => set('date', e.target.value as V['date'])}
          {...invalidProps(id('date'), errors.date)}
        />
      </Field>
      {children}
      <Field id={id('note')} label={t('ledger.field.note')} error={errors.note} wide>
        <input
          id={id('note')}
          value={values.note}
          onChange={(e) => set('note', e.target.value as V['note'])}
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
