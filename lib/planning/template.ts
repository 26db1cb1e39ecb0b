/** What a new plan, objective or action starts from, before the user fills it in. */
import { type Action, DEFAULT_FREEZE_DELAY_DAYS, DEFAULT_TOLERANCE, type Objective, type Plan } from '@/lib/domain';
import { addDays, monthOf } from '@/lib/kpi';

/** A semester from the first day of next month: the span most operational plans cover. */
export function newPlanTemplate(options: { id: string; name: string; today: string; locale: string; currency?: string }): Plan {
  const start = addDays(monthOf(options.today).end, 1);
  let end = start;
  for (let i = 0; i < 6; i++) end = monthOf(addDays(end, i === 0 ? 0 : 1)).end;
  return {
    id: options.id,
    name: options.name,
    start,
    end,
    currency: options.currency ?? 'EUR',
    locale: options.locale,
    tolerance: DEFAULT_TOLERANCE,
    weekStartsOn: 1,
    freezeDelayDays: DEFAULT_FREEZE_DELAY_DAYS,
    review: '',
    notes: '',
  };
}

/**
 * The code after the plan's last one, in its style: A08 → A09, EV-3 → EV-4; `A01` for a first action.
 * The prefix is the most used one; numbers keep their width.
 */
export function nextActionCode(codes: readonly string[]): string {
  const parsed = codes.map((c) => /^(.*?)(\d+)$/.exec(c.trim())).filter((m): m is RegExpExecArray => m !== null);
  if (parsed.length === 0) return 'A01';
  const counts = new Map<string, number>();
  for (const m of parsed) counts.set(m[1] ?? '', (counts.get(m[1] ?? '') ?? 0) + 1);
  const prefix = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'A';
  const same = parsed.filter((m) => (m[1] ?? '') === prefix);
  const width = Math.max(...same.map((m) => (m[2] ?? '').length));
  const next = Math.max(...same.map((m) => Number(m[2]))) + 1;
  return `${prefix}${String(next).padStart(width, '0')}`;
}

/** A new action over the whole plan, with the next code; its name is left for the user. */
export function newActionTemplate(plan: Plan, actions: readonly Action[], id: string): Action {
  return {
    id,
    planId: plan.id,
    objectiveIds: [],
    code: nextActionCode(actions.map((a) => a.code)),
    name: '',
    channel: 'google-ads',
    lever: 'promotion',
    owner: '',
    start: plan.start,
    end: plan.end,
    priority: 'medium',
    status: 'planned',
    budget: 0,
    targets: {},
  };
}

export function newObjectiveTemplate(plan: Plan, id: string): Objective {
  return { id, planId: plan.id, name: '', metric: 'leads', target: 0, deadline: plan.end, description: '' };
}
