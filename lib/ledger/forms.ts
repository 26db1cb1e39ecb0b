/**
 * The spend and result forms (popup quick add, side panel logs): what the user typed, as text, checked with
 * zod and turned into entries. Error messages are message keys (lib/i18n/parts/ledger.ts), so a form shows
 * them in words, in the user's language.
 */
import { z } from 'zod';
import { isoDate, type ResultEntry, SPEND_CATEGORIES, type SpendEntry, VOLUME_KEYS, type VolumeKey } from '@/lib/domain';
import type { MessageKey } from '@/lib/i18n/messages';
import { excludingTax, parseDecimal } from './numbers';

/** VAT rate the form proposes for an amount including tax (France's standard rate). */
export const DEFAULT_VAT_RATE = 0.2;

/** Result metrics a user logs by hand: every volume but `cost` (a cost is a spend entry, never a result). */
export const RESULT_METRICS = VOLUME_KEYS.filter((k): k is Exclude<VolumeKey, 'cost'> => k !== 'cost');

const key = (k: MessageKey) => k;

/** A typed number (French or English writing) that must be above zero. */
const positiveText = (lang: 'fr' | 'en') =>
  z
    .string()
    .trim()
    .min(1, key('ledger.err.required'))
    .transform((text, ctx) => {
      const value = parseDecimal(text, lang);
      if (value === null) {
        ctx.addIssue({ code: 'custom', message: key('ledger.err.number') });
        return z.NEVER;
      }
      return value;
    })
    .pipe(z.number().positive(key('ledger.err.positive')));

/** A calendar day from a date input (`YYYY-MM-DD`); the domain's own check decides whether it exists. */
const day = z
  .string()
  .trim()
  .min(1, key('ledger.err.required'))
  .refine((text) => isoDate.safeParse(text).success, key('ledger.err.date'));

/** The spend form as typed. `amountIncludesTax`: the amount is TTC and `vatRate` (a percentage, "20") applies. */
export type SpendFormValues = {
  actionId: string;
  date: string;
  amount: string;
  amountIncludesTax: boolean;
  vatRate: string;
  category: string;
  note: string;
};

export type ResultFormValues = { actionId: string; date: string; metric: string; value: string; note: string };

export type FormErrors<F> = Partial<Record<keyof F & string, MessageKey>>;
export type FormResult<T, F> = { ok: true; value: T } | { ok: false; errors: FormErrors<F> };

function spendSchema(lang: 'fr' | 'en') {
  return z
    .object({
      actionId: z.string().min(1, key('ledger.err.action')),
      date: day,
      amount: positiveText(lang),
      amountIncludesTax: z.boolean(),
      vatRate: z.string(),
      category: z.enum(SPEND_CATEGORIES, { message: key('ledger.err.category') }),
      note: z.string().trim().max(500, key('ledger.err.noteTooLong')),
    })
    .transform((form, ctx) => {
      if (!form.amountIncludesTax) return { ...form, amountExcludingTax: form.amount };
      const rate = parseDecimal(form.vatRate, lang);
      if (rate === null || rate < 0 || rate > 100) {
        ctx.addIssue({ code: 'custom', path: ['vatRate'], message: key('ledger.err.vatRate') });
        return z.NEVER;
      }
      return { ...form, amountExcludingTax: excludingTax(form.amount, rate / 100) };
    });
}

function resultSchema(lang: 'fr' | 'en') {
  return z.object({
    actionId: z.string().min(1, key('ledger.err.action')),
    date: day,
    metric: z.enum(RESULT_METRICS, { message: key('ledger.err.metric') }),
    value: positiveText(lang),
    note: z.string().trim().max(500, key('ledger.err.noteTooLong')),
  });
}

function errorsOf<F>(error: z.ZodError): FormErrors<F> {
  const errors: Record<string, MessageKey> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!errors[field]) errors[field] = isLedgerKey(issue.message) ? issue.message : 'ledger.err.invalid';
  }
  return errors as FormErrors<F>;
}

function isLedgerKey(message: string): message is MessageKey {
  return message.startsWith('ledger.err.');
}

/** A spend entry from the form (amount stored excluding tax), or the errors to show beside each field. */
export function parseSpendForm(
  values: SpendFormValues,
  lang: 'fr' | 'en',
  id: string,
  source: SpendEntry['source'] = 'manual',
): FormResult<SpendEntry, SpendFormValues> {
  const parsed = spendSchema(lang).safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf<SpendFormValues>(parsed.error) };
  const f = parsed.data;
  return {
    ok: true,
    value: { id, actionId: f.actionId, date: f.date, amount: f.amountExcludingTax, category: f.category, note: f.note, source },
  };
}

export function parseResultForm(values: ResultFormValues, lang: 'fr' | 'en', id: string): FormResult<ResultEntry, ResultFormValues> {
  const parsed = resultSchema(lang).safeParse(values);
  if (!parsed.success) return { ok: false, errors: errorsOf<ResultFormValues>(parsed.error) };
  const f = parsed.data;
  return { ok: true, value: { id, actionId: f.actionId, date: f.date, metric: f.metric, value: f.value, note: f.note } };
}

/** The form filled with a stored entry, for editing (amount shown excluding tax, as stored). */
export function spendFormOf(entry: SpendEntry, lang: 'fr' | 'en'): SpendFormValues {
  return {
    actionId: entry.actionId,
    date: entry.date,
    amount: typedNumber(entry.amount, lang),
    amountIncludesTax: false,
    vatRate: typedNumber(DEFAULT_VAT_RATE * 100, lang),
    category: entry.category,
    note: entry.note,
  };
}

export function resultFormOf(entry: ResultEntry, lang: 'fr' | 'en'): ResultFormValues {
  return { actionId: entry.actionId, date: entry.date, metric: entry.metric, value: typedNumber(entry.value, lang), note: entry.note };
}

export function emptySpendForm(actionId: string, date: string, lang: 'fr' | 'en'): SpendFormValues {
  return {
    actionId,
    date,
    amount: '',
    amountIncludesTax: false,
    vatRate: typedNumber(DEFAULT_VAT_RATE * 100, lang),
    category: 'media',
    note: '',
  };
}

export function emptyResultForm(actionId: string, date: string): ResultFormValues {
  return { actionId, date, metric: 'leads', value: '', note: '' };
}

/** A number as the user would type it back (no grouping, the language's decimal mark). */
export function typedNumber(value: number, lang: 'fr' | 'en'): string {
  const text = String(Number(value.toPrecision(12)));
  return lang === 'fr' ? text.replace('.', ',') : text;
}
