/**
 * A zod issue as a sentence the user reads, in French or English, naming the field as the form labels
 * it ("Le champ « Budget (HT) » ne peut pas être négatif."). Forms validate with the domain's schemas
 * (lib/domain), whose own messages are for logs and files; this turns them into the user's words.
 */
import type { z } from 'zod';
import { TARGET_KEYS, type TargetKey } from '@/lib/domain';
import { DICTIONARIES, type Lang, type MessageKey, translate } from './messages';

export type IssueContext = {
  readonly lang: Lang;
  /** Formats numbers in bounds and examples ("1 500,50" in French). */
  readonly locale: string;
};

type Issue = z.core.$ZodIssue;

/**
 * The domain's own messages (lib/domain/entities.ts, dates.ts) and the sentence that says the same
 * thing to a user. A unit test produces each one from the schemas, so a reworded message fails it.
 */
const DOMAIN_MESSAGES: Readonly<Record<string, MessageKey>> = {
  'the action ends before it starts': 'zod.endBeforeStart',
  'the plan ends before it starts': 'zod.endBeforeStart',
  'the range ends before it starts': 'zod.endBeforeStart',
  'not a calendar day': 'zod.notADay',
  'expected a date YYYY-MM-DD': 'zod.date',
  'expected an ISO 4217 code such as EUR': 'zod.currency',
  'a link needs a campaign id or a campaign name': 'zod.linkIdentity',
  'an id cannot be empty': 'zod.required',
};

/** Fields stored as fractions and typed as percentages: their bounds read "100 %", not "1". */
const FRACTION_FIELDS = new Set(['tolerance', 'targets.ctr', 'targets.conversionRate', 'targets.openRate', 'targets.clickRate']);

const isTargetKey = (key: string): key is TargetKey => (TARGET_KEYS as readonly string[]).includes(key);
const isMessageKey = (lang: Lang, key: string): key is MessageKey => key in DICTIONARIES[lang];

/** The field's label as the form shows it: `targets.cpc` → "CPC maximum", `end` → "Date de fin". */
export function fieldLabel(path: readonly PropertyKey[], lang: Lang): string {
  const names = path.filter((p): p is string => typeof p === 'string');
  const last = names.at(-1);
  if (last === undefined) return '';
  if (names.at(-2) === 'targets' && isTargetKey(last)) return translate(lang, `target.${last}`);
  const key = `field.${last}`;
  return isMessageKey(lang, key) ? translate(lang, key) : last;
}

function isMissing(input: unknown): boolean {
  return input === undefined || input === null || (typeof input === 'string' && input.trim() === '');
}

export function describeIssue(issue: Issue, context: IssueContext): string {
  const { lang, locale } = context;
  const field = fieldLabel(issue.path, lang);
  const dotted = issue.path.map(String).join('.');
  const bound = (value: number | bigint) =>
    FRACTION_FIELDS.has(dotted)
      ? new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(Number(value))
      : new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(Number(value));
  const say = (key: MessageKey, params: Record<string, string | number> = {}) => translate(lang, key, { field, ...params });

  const known = DOMAIN_MESSAGES[issue.message];
  if (known === 'zod.date' && isMissing(issue.input)) return say('zod.required');
  if (known) return say(known);

  switch (issue.code) {
    case 'invalid_type':
      if (isMissing(issue.input)) return say('zod.required');
      if (issue.expected === 'int') return say('zod.integer');
      if (issue.expected === 'number') {
        return say('zod.number', { example: new Intl.NumberFormat(locale, { minimumFractionDigits: 2 }).format(1500.5) });
      }
      return say('zod.invalid');
    case 'too_small':
      if (issue.origin === 'string' || issue.origin === 'array') return say('zod.required');
      if (Number(issue.minimum) === 0 && issue.inclusive) return say('zod.negative');
      return say(issue.inclusive ? 'zod.min' : 'zod.above', { min: bound(issue.minimum) });
    case 'too_big':
      if (issue.origin === 'string') return say('zod.tooLong', { max: bound(issue.maximum) });
      return say(issue.inclusive ? 'zod.max' : 'zod.below', { max: bound(issue.maximum) });
    case 'invalid_format':
      if (isMissing(issue.input)) return say('zod.required');
      return say(/date/i.test(issue.format) || /\\d\{4\}/.test(issue.pattern ?? '') ? 'zod.date' : 'zod.invalid');
    case 'invalid_value':
      return say('zod.choice');
    case 'custom': {
      const reason = issue.params?.reason;
      if (reason === 'duplicateCode') {
        const other = issue.params?.other;
        return say('zod.duplicateCode', { value: String(issue.input ?? ''), other: typeof other === 'string' ? other : '' });
      }
      return say('zod.invalid');
    }
    default:
      return say('zod.invalid');
  }
}

/** Every issue as a sentence, one per field (the first issue of each), in the order zod found them. */
export function describeIssues(issues: readonly Issue[], context: IssueContext): { field: string; message: string }[] {
  const seen = new Set<string>();
  const out: { field: string; message: string }[] = [];
  for (const issue of issues) {
    const field = issue.path.map(String).join('.');
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, message: describeIssue(issue, context) });
  }
  return out;
}
