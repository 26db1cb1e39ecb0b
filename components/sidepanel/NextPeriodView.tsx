import { type FormEvent, useId, useMemo, useState } from 'react';
import type { z } from 'zod';
import { today } from '@/lib/clock';
import { newId, planpilotDb } from '@/lib/db';
import { type Action, actionSchema, type PlanData, planSchema, TARGET_KEYS, type TargetKey } from '@/lib/domain';
import { planTotals } from '@/lib/insights';
import { type ActionOverview, compareTargets, computeActions, indexPlan } from '@/lib/kpi';
import {
  carryOver,
  createPlanWith,
  inputValueOf,
  nextPeriod,
  parseDecimal,
  targetsDraftOf,
  targetsFromDraft,
  targetUnit,
  validateRow,
} from '@/lib/planning';
import { figureLabel, formatFigure } from '../common/figures';
import { currencySymbol, ErrorSummary, NumberField, TextAreaField, TextField, useFormErrors } from '../common/forms';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';
import { saveFailure } from './PlanEditor';

type Carry = { keep: boolean; budget: string; targets: Record<TargetKey, string> };

/** The bilan step: start the next plan from this one, carrying over the actions kept, budgets and targets adjusted. */
export function NextPeriodView({ data, onPlanChosen }: { data: PlanData; onPlanChosen: (planId: string) => void }) {
  const [created, setCreated] = useState<string | null>(null);
  return (
    <>
      {created && (
        <p className="pp-notice" role="status" data-testid="next-created">
          {created}
        </p>
      )}
      <NextPeriodForm
        key={data.plan.id}
        data={data}
        onCreated={(message, planId) => {
          setCreated(message);
          onPlanChosen(planId);
        }}
      />
    </>
  );
}

function NextPeriodForm({ data, onCreated }: { data: PlanData; onCreated: (message: string, planId: string) => void }) {
  const { t, fmt, locale } = useI18n();
  const id = useId();
  const f = fmt(data.plan.currency);
  const asOf = today();
  const rows = useMemo(() => computeActions(indexPlan(data), asOf), [data, asOf]);
  const period = nextPeriod(data.plan);
  const [name, setName] = useState(t('next.defaultName', { name: data.plan.name }));
  const [start, setStart] = useState(period.start);
  const [end, setEnd] = useState(period.end);
  const [carry, setCarry] = useState<Record<string, Carry>>(() =>
    Object.fromEntries(
      data.actions.map((a) => [
        a.id,
        { keep: a.status !== 'dropped', budget: inputValueOf(a.budget, 'count', locale), targets: targetsDraftOf(a.targets, locale) },
      ]),
    ),
  );
  const [review, setReview] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const errors = useFormErrors();
  const money = currencySymbol(locale, data.plan.currency);
  const fieldId = (field: string) => `${id}-${field.replace(/\./g, '-')}`;

  const kept = data.actions.filter((a) => carry[a.id]?.keep);
  // A kept action's errors say which action they are about ("A01 · …"): its fields share their labels with the others'.
  const errorList = errors.list.map((e) => {
    const action = data.actions.find((a) => e.field.startsWith(`${a.id}.`));
    return action ? { ...e, message: `${action.code || action.name} · ${e.message}` } : e;
  });
  const summary = reviewText(data, rows, kept, asOf, t, f);
  const reviewValue = review ?? summary;
  const update = (actionId: string, change: Partial<Carry>) =>
    setCarry((c) => ({ ...c, [actionId]: { ...(c[actionId] as Carry), ...change } }));
  const setAll = (keep: boolean) => setCarry((c) => Object.fromEntries(Object.entries(c).map(([k, v]) => [k, { ...v, keep }])));
  const keptBudget = kept.reduce((s, a) => s + (parseDecimal(carry[a.id]?.budget ?? '', locale) ?? 0), 0);

  async function create(event: FormEvent) {
    event.preventDefault();
    setFailure(null);
    const planId = newId('plan');
    const next = carryOver({
      source: data,
      plan: { id: planId, name: name.trim(), start, end, review: reviewValue },
      keep: kept.map((a) => ({ actionId: a.id, budget: 0, targets: {} })),
      newId: (kind) => newId(kind === 'objective' ? 'obj' : 'act'),
    });
    // The budgets and targets typed, validated per action; the issues name the kept action's own fields.
    const issues: z.core.$ZodIssue[] = [];
    const planCheck = validateRow(planSchema, next.plan);
    if (!planCheck.ok) issues.push(...planCheck.issues);
    const actions: Action[] = [];
    next.actions.forEach((action, i) => {
      const source = kept[i] as Action;
      const draft = carry[source.id] as Carry;
      const candidate = { ...action, budget: parseDecimal(draft.budget, locale), targets: targetsFromDraft(draft.targets, locale) };
      const checked = validateRow(actionSchema, candidate);
      if (checked.ok) actions.push(checked.value);
      else issues.push(...checked.issues.map((issue) => ({ ...issue, path: [source.id, ...issue.path] })));
    });
    if (issues.length > 0) {
      errors.setIssues(issues);
      return;
    }
    errors.clear();
    try {
      await createPlanWith(planpilotDb, { ...next, actions });
      onCreated(t('next.created', { name: next.plan.name, count: actions.length }), planId);
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="next-period">
      <h2 id={`${id}-title`}>{t('next.title')}</h2>
      <p className="pp-muted">{t('next.intro')}</p>
      <form onSubmit={(e) => void create(e)} noValidate>
        <ErrorSummary errors={errorList} idOf={fieldId} />
        <div className="pp-form-grid">
          <TextField
            id={fieldId('name')}
            label={t('next.name')}
            value={name}
            onChange={setName}
            error={errors.errorOf('name')}
            className="pp-field-wide"
          />
          <TextField
            id={fieldId('start')}
            type="date"
            label={t('field.start')}
            value={start}
            onChange={setStart}
            error={errors.errorOf('start')}
          />
          <TextField id={fieldId('end')} type="date" label={t('field.end')} value={end} onChange={setEnd} error={errors.errorOf('end')} />
        </div>
        <div className="pp-row pp-section-head">
          <h3>{t('act.title')}</h3>
          <span className="pp-muted pp-small" data-testid="next-kept">
            {t('next.kept', { count: kept.length, budget: f.money(keptBudget, 0) })}
          </span>
          <span className="pp-spacer" />
          <button type="button" onClick={() => setAll(true)}>
            {t('next.keepAll')}
          </button>
          <button type="button" onClick={() => setAll(false)}>
            {t('next.keepNone')}
          </button>
        </div>
        <ul className="pp-editor-list pp-carry-list">
          {rows.map((row) => {
            const a = row.action;
            const draft = carry[a.id] as Carry;
            const targetKeys = TARGET_KEYS.filter((k) => a.targets[k] !== undefined);
            const comparisons = compareTargets(
              a.targets,
              { kpis: row.toDate.kpis, volumes: row.toDate.volumes, elapsedShare: row.elapsedShare, pacing: row.pacing },
              data.plan.tolerance,
            );
            return (
              <li key={a.id} data-action-id={a.id} className={draft.keep ? 'pp-carry pp-carry-kept' : 'pp-carry'}>
                <label className="pp-checkbox pp-carry-head">
                  <input
                    type="checkbox"
                    checked={draft.keep}
                    onChange={(e) => update(a.id, { keep: e.target.checked })}
                    aria-label={t('next.keep', { code: a.code || a.name })}
                  />
                  <span>
                    <span className="pp-code">{a.code}</span> <strong>{a.name}</strong>{' '}
                    <span className={`pp-tag pp-tag-${a.status}`}>{t(`actionStatus.${a.status}`)}</span>
                  </span>
                </label>
                <p className="pp-small pp-carry-result">
                  {t('next.spentOf', { spent: f.money(row.toDate.spend, 0), budget: f.money(a.budget, 0) })}
                  {comparisons.map((c) => (
                    <span key={c.key} className="pp-carry-figure">
                      {' · '}
                      {t(figureLabel(c.key))} {formatFigure(c.key, c.actual, f)}{' '}
                      <StatusPill status={c.status} label={c.actual === null ? t('dash.objectives.noFigure') : undefined} />
                    </span>
                  ))}
                </p>
                {draft.keep && (
                  <fieldset className="pp-carry-fields">
                    <legend className="pp-visually-hidden">{t('next.targetsOf', { code: a.code || a.name })}</legend>
                    <div className="pp-form-grid pp-form-grid-tight">
                      <NumberField
                        id={fieldId(`${a.id}.budget`)}
                        label={t('field.budget')}
                        value={draft.budget}
                        onChange={(budget) => update(a.id, { budget })}
                        error={errors.errorOf(`${a.id}.budget`)}
                        unit={money}
                      />
                      {targetKeys.map((k) => (
                        <NumberField
                          key={k}
                          id={fieldId(`${a.id}.targets.${k}`)}
                          label={t(`target.${k}`)}
                          value={draft.targets[k]}
                          onChange={(value) => update(a.id, { targets: { ...draft.targets, [k]: value } })}
                          error={errors.errorOf(`${a.id}.targets.${k}`)}
                          unit={targetUnit(k) === 'money' ? money : undefined}
                        />
                      ))}
                    </div>
                  </fieldset>
                )}
              </li>
            );
          })}
        </ul>
        {data.actions.some((a) => a.schedule?.length) && <p className="pp-muted pp-small">{t('next.schedules')}</p>}
        <TextAreaField id={fieldId('review')} label={t('field.review')} value={reviewValue} onChange={setReview} rows={8} />
        {failure && (
          <p className="pp-error" role="alert">
            {failure}
          </p>
        )}
        <div className="pp-row pp-form-actions">
          <button type="submit" className="pp-primary" data-testid="next-create">
            {t('next.create')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The bilan written out from the engine's figures: the plan to date, each action against its targets, what is carried over. */
function reviewText(
  data: PlanData,
  rows: readonly ActionOverview[],
  kept: readonly Action[],
  asOf: string,
  t: ReturnType<typeof useI18n>['t'],
  f: ReturnType<ReturnType<typeof useI18n>['fmt']>,
): string {
  const totals = planTotals(rows);
  const lines = [
    t('next.summary.head', {
      name: data.plan.name,
      date: f.day(asOf),
      spent: f.money(totals.spendToDate, 0),
      budget: f.money(totals.budget, 0),
      pacing: f.times(totals.pacing),
    }),
  ];
  for (const row of rows) {
    const comparisons = compareTargets(
      row.action.targets,
      { kpis: row.toDate.kpis, volumes: row.toDate.volumes, elapsedShare: row.elapsedShare, pacing: row.pacing },
      data.plan.tolerance,
    );
    const figures =
      comparisons.length === 0
        ? t('next.summary.noTarget')
        : comparisons
            .map((c) =>
              t('next.summary.figure', {
                kpi: t(figureLabel(c.key)),
                actual: formatFigure(c.key, c.actual, f),
                status: t(`status.${c.status}`),
              }),
            )
            .join(', ');
    lines.push(
      t('next.summary.action', {
        code: row.action.code,
        name: row.action.name,
        spent: f.money(row.toDate.spend, 0),
        budget: f.money(row.action.budget, 0),
        figures,
      }),
    );
  }
  const keptIds = new Set(kept.map((a) => a.id));
  const codes = (list: readonly Action[]) => list.map((a) => a.code || a.name).join(', ');
  if (kept.length > 0) lines.push(t('next.summary.kept', { codes: codes(kept) }));
  const dropped = data.actions.filter((a) => !keptIds.has(a.id));
  if (dropped.length > 0) lines.push(t('next.summary.dropped', { codes: codes(dropped) }));
  return lines.join('\n');
}
