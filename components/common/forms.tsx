/** Labelled form controls with their error in words, and the summary of a form's errors. */
import { type InputHTMLAttributes, type ReactNode, useState } from 'react';
import type { z } from 'zod';
import { describeIssues } from '@/lib/i18n/zod-errors';
import { useI18n } from './i18n';

type Common = { id: string; label: string; error?: string; hint?: string; className?: string };

function describedBy(id: string, error?: string, hint?: string): string | undefined {
  const ids = [error ? `${id}-error` : '', hint ? `${id}-hint` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

function FieldShell({ id, label, error, hint, className, children }: Common & { children: ReactNode }) {
  return (
    <div className={`pp-field${error ? ' pp-field-invalid' : ''}${className ? ` ${className}` : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="pp-field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="pp-field-error">
          {error}
        </p>
      )}
    </div>
  );
}

export function TextField({
  id,
  label,
  error,
  hint,
  className,
  value,
  onChange,
  ...input
}: Common & { value: string; onChange: (value: string) => void } & Omit<
    InputHTMLAttributes<HTMLInputElement>,
    'id' | 'value' | 'onChange'
  >) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <input
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
        {...input}
      />
    </FieldShell>
  );
}

/** A number typed in the user's format ("1 500,50"), parsed by lib/planning/forms; its unit (€, %) beside it. */
export function NumberField({
  id,
  label,
  error,
  hint,
  className,
  value,
  onChange,
  unit,
}: Common & { value: string; onChange: (value: string) => void; unit?: string }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={`pp-field-number${className ? ` ${className}` : ''}`}>
      <span className="pp-input-unit">
        <input
          id={id}
          value={value}
          inputMode="decimal"
          autoComplete="off"
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, error, hint)}
        />
        {unit && <span aria-hidden="true">{unit}</span>}
      </span>
    </FieldShell>
  );
}

/** The currency's symbol in the user's locale ("€", "$", "CHF"). */
export function currencySymbol(locale: string, currency: string): string {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).formatToParts(0).find((p) => p.type === 'currency')?.value ?? currency
    );
  } catch {
    return currency;
  }
}

/** A form's zod issues as sentences in the user's words, by field ("end", "targets.cpc"). */
export function useFormErrors() {
  const { lang, locale } = useI18n();
  const [issues, setIssues] = useState<readonly z.core.$ZodIssue[]>([]);
  const list = describeIssues(issues, { lang, locale });
  const byField = new Map(list.map((e) => [e.field, e.message]));
  return { list, errorOf: (field: string) => byField.get(field), setIssues, clear: () => setIssues([]) };
}

export function SelectField<V extends string>({
  id,
  label,
  error,
  hint,
  className,
  value,
  options,
  onChange,
}: Common & { value: V; options: readonly { value: V; label: string }[]; onChange: (value: V) => void }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={className}>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as V)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldShell>
  );
}

export function TextAreaField({
  id,
  label,
  error,
  hint,
  className,
  value,
  onChange,
  rows = 3,
}: Common & { value: string; onChange: (value: string) => void; rows?: number }) {
  return (
    <FieldShell id={id} label={label} error={error} hint={hint} className={`pp-field-wide${className ? ` ${className}` : ''}`}>
      <textarea
        id={id}
        value={value}
        rows={rows}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, error, hint)}
      />
    </FieldShell>
  );
}

/** The form's errors, each a button that takes the keyboard to its field. */
export function ErrorSummary({ errors, idOf }: { errors: readonly { field: string; message: string }[]; idOf: (field: string) => string }) {
  const { t } = useI18n();
  if (errors.length === 0) return null;
  return (
    <div className="pp-error pp-error-summary" role="alert" data-testid="form-errors">
      <p>{t('form.errors')}</p>
      <ul>
        {errors.map((e) => (
          <li key={e.field}>
            <button type="button" className="pp-link-button" onClick={() => document.getElementById(idOf(e.field))?.focus()}>
              {e.message}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** What a deletion did, with the button that undoes it. Stays until undone, dismissed or replaced. */
export function UndoBar({
  message,
  onUndo,
  onDismiss,
  undoLabel,
}: {
  message: string;
  onUndo: () => void;
  onDismiss: () => void;
  undoLabel?: string;
}) {
  const { t } = useI18n();
  return (
    <div className="pp-undo" role="status" data-testid="undo-bar">
      <span>{message}</span>
      <span className="pp-spacer" />
      <button type="button" className="pp-primary" onClick={onUndo}>
        {undoLabel ?? t('form.undo')}
      </button>
      <button type="button" onClick={onDismiss} aria-label={t('form.dismiss')}>
        ×
      </button>
    </div>
  );
}
