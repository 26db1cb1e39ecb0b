import { z } from 'zod';
import { dateRange, isoDate, isoDateTime } from './dates';
import { CONSOLES, metricsSchema, STATUSES } from './figures';
import { KPI_KEYS, TARGET_KEYS, VOLUME_KEYS } from './metrics';

export { CONSOLES, type ConsoleId, type FigureStatus, type Metrics, metricsSchema, STATUSES } from './figures';

/** Spellings stored and exported (DESIGN.md); the UI shows them translated. */
export const CHANNELS = [
  'google-ads',
  'meta-ads',
  'microsoft-ads',
  'linkedin-ads',
  'tiktok-ads',
  'emailing',
  'seo',
  'event',
  'print',
  'other',
] as const;
export const LEVERS = ['product', 'price', 'place', 'promotion', 'people', 'process', 'physical-evidence'] as const;
export const ACTION_STATUSES = ['planned', 'running', 'paused', 'done', 'dropped'] as const;
export const PRIORITIES = ['high', 'medium', 'low'] as const;
export const SPEND_CATEGORIES = ['media', 'production', 'agency-fees', 'events', 'research', 'tools', 'other'] as const;
export const SPEND_SOURCES = ['manual', 'capture', 'import'] as const;

export type Channel = (typeof CHANNELS)[number];
export type Lever = (typeof LEVERS)[number];

const id = z.string().min(1, 'an id cannot be empty');
const money = z.number(); // zod rejects NaN and ±Infinity
const nonNegative = z.number().nonnegative();
const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'expected an ISO 4217 code such as EUR');

export const targetsSchema = z.partialRecord(z.enum(TARGET_KEYS), nonNegative);
export type Targets = z.infer<typeof targetsSchema>;

export const planSchema = z
  .object({
    id,
    name: z.string().min(1),
    start: isoDate,
    end: isoDate,
    currency: currencyCode,
    locale: z.string().min(2),
    tolerance: z.number().min(0).max(1),
    weekStartsOn: z.number().int().min(0).max(6),
    freezeDelayDays: z.number().int().min(0).max(28).optional(),
    review: z.string(),
    notes: z.string(),
  })
  .refine((p) => p.start <= p.end, { message: 'the plan ends before it starts', path: ['end'] });
export type Plan = z.infer<typeof planSchema>;
export const DEFAULT_FREEZE_DELAY_DAYS = 2;
export const DEFAULT_TOLERANCE = 0.1;

export const objectiveSchema = z.object({
  id,
  planId: id,
  name: z.string().min(1),
  /** A volume key (`leads`, `conversions`…); older files may hold a word such as `awareness`. */
  metric: z.string().min(1),
  target: nonNegative,
  deadline: isoDate,
  description: z.string(),
});
export type Objective = z.infer<typeof objectiveSchema>;

export const scheduleItemSchema = z.object({ date: isoDate, amount: money, note: z.string() });
export type ScheduleItem = z.infer<typeof scheduleItemSchema>;

export const actionSchema = z
  .object({
    id,
    planId: id,
    objectiveIds: z.array(id),
    code: z.string(),
    name: z.string().min(1),
    channel: z.enum(CHANNELS),
    lever: z.enum(LEVERS),
    owner: z.string(),
    start: isoDate,
    end: isoDate,
    priority: z.enum(PRIORITIES),
    status: z.enum(ACTION_STATUSES),
    budget: nonNegative,
    targets: targetsSchema,
    schedule: z.array(scheduleItemSchema).optional(),
  })
  .refine((a) => a.start <= a.end, { message: 'the action ends before it starts', path: ['end'] });
export type Action = z.infer<typeof actionSchema>;

export const campaignLinkSchema = z
  .object({
    id,
    actionId: id,
    console: z.enum(CONSOLES),
    accountId: z.string().nullable(),
    campaignId: z.string().nullable(),
    campaignName: z.string().nullable(),
  })
  .refine((l) => l.campaignId !== null || l.campaignName !== null, {
    message: 'a link needs a campaign id or a campaign name',
    path: ['campaignId'],
  });
export type CampaignLink = z.infer<typeof campaignLinkSchema>;

export const captureSchema = z.object({
  id,
  console: z.enum(CONSOLES),
  accountId: z.string().nullable(),
  campaignId: z.string().nullable(),
  campaignName: z.string().nullable(),
  dateRange,
  /** `null`: the console shows no currency (e-mail); counts in the plan's currency. */
  currency: currencyCode.nullable(),
  metrics: metricsSchema,
  capturedAt: isoDateTime,
  url: z.string(),
});
export type Capture = z.infer<typeof captureSchema>;

export const spendEntrySchema = z.object({
  id,
  actionId: id,
  date: isoDate,
  /** Excluding tax. */
  amount: money,
  category: z.enum(SPEND_CATEGORIES),
  note: z.string(),
  source: z.enum(SPEND_SOURCES),
});
export type SpendEntry = z.infer<typeof spendEntrySchema>;

export const resultEntrySchema = z.object({
  id,
  actionId: id,
  date: isoDate,
  metric: z.enum(VOLUME_KEYS),
  value: z.number(),
  note: z.string(),
});
export type ResultEntry = z.infer<typeof resultEntrySchema>;

// ── The weekly report (the `report` command's output, and a snapshot's body) ──

const nullableNumber = z.number().nullable();
export const kpisSchema = z.object(
  Object.fromEntries(KPI_KEYS.map((k) => [k, nullableNumber])) as Record<(typeof KPI_KEYS)[number], typeof nullableNumber>,
);
export type Kpis = z.infer<typeof kpisSchema>;

export const reportActionSchema = z.object({
  actionId: id,
  code: z.string(),
  name: z.string(),
  budget: z.number(),
  spendWeek: z.number(),
  spendToDate: z.number(),
  expectedSpendToDate: z.number(),
  pacing: nullableNumber,
  coverageDays: z.object({ week: z.number().int().nullable(), toDate: z.number().int().nullable() }),
  metrics: metricsSchema,
  kpis: kpisSchema,
  targets: targetsSchema,
  status: z.record(z.string(), z.enum(STATUSES)),
});
export type ReportAction = z.infer<typeof reportActionSchema>;

export const reportTotalsSchema = z.object({
  budget: z.number(),
  spendWeek: z.number(),
  spendToDate: z.number(),
  expectedSpendToDate: z.number(),
  pacing: nullableNumber,
  metrics: metricsSchema,
  kpis: kpisSchema,
});

export const weeklyReportSchema = z.object({
  planId: id,
  week: dateRange,
  currency: currencyCode,
  actions: z.array(reportActionSchema),
  totals: reportTotalsSchema,
});
export type WeeklyReport = z.infer<typeof weeklyReportSchema>;

export const weeklySnapshotSchema = z.object({
  id,
  planId: id,
  weekStart: isoDate,
  version: z.number().int().min(1),
  takenAt: isoDateTime,
  report: weeklyReportSchema,
});
export type WeeklySnapshot = z.infer<typeof weeklySnapshotSchema>;

/** Everything the figures engine needs to compute one plan (a backup holds this for each of its plans). */
export type PlanData = {
  plan: Plan;
  objectives: Objective[];
  actions: Action[];
  campaignLinks: CampaignLink[];
  captures: Capture[];
  spendEntries: SpendEntry[];
  resultEntries: ResultEntry[];
};
