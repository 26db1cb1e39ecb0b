/**
 * Recharts charts of the side panel. They draw figures lib/kpi computed (never their own), and each sits
 * beside a table or a sentence with the same figures, for keyboards and screen readers.
 */
import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { ValueType } from 'recharts/types/component/DefaultTooltipContent';
import type { Formatters } from '@/lib/i18n/format';

const COLORS = { spent: '#2f5bd3', expected: '#5b6475', planned: '#b8c6ef', today: '#b42318', grid: '#e5e8ee' };

export type CumulativePoint = { label: string; spent: number | null; expected: number };

function compactMoney(locale: string, currency: string) {
  const format = new Intl.NumberFormat(locale, { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 });
  return (value: number) => format.format(value);
}

const asNumber = (value: ValueType | undefined) => (typeof value === 'number' ? value : null);

/** Cumulative spend to date against the expected pace (the plan's line, drawn to the end), with today. */
export function CumulativeSpendChart({
  points,
  todayLabel,
  f,
  currency,
  labels,
}: {
  points: readonly CumulativePoint[];
  todayLabel: string | null;
  f: Formatters;
  currency: string;
  labels: { spent: string; expected: string; today: string };
}) {
  const axisMoney = compactMoney(f.locale, currency);
  return (
    <div className="pp-plot" aria-hidden="true">
      <ResponsiveContainer width="100%" height={230}>
        <ComposedChart data={[...points]} margin={{ top: 12, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} interval="preserveStartEnd" minTickGap={12} />
          <YAxis tickFormatter={axisMoney} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(value) => f.money(asNumber(value), 0)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {todayLabel && (
            <ReferenceLine
              x={todayLabel}
              stroke={COLORS.today}
              strokeDasharray="2 3"
              label={{ value: labels.today, fontSize: 11, fill: COLORS.today, position: 'insideTopLeft' }}
            />
          )}
          <Line
            type="monotone"
            dataKey="expected"
            name={labels.expected}
            stroke={COLORS.expected}
            strokeDasharray="6 4"
            dot={false}
            isAnimationActive={false}
          />
          <Line
            type="monotone"
            dataKey="spent"
            name={labels.spent}
            stroke={COLORS.spent}
            strokeWidth={2.5}
            dot={{ r: 2 }}
            connectNulls={false}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}

export type PlannedSpentPoint = { label: string; planned: number; spent: number | null };

/** Planned against spent, period by period (bars). */
export function PlannedSpentChart({
  points,
  f,
  currency,
  labels,
}: {
  points: readonly PlannedSpentPoint[];
  f: Formatters;
  currency: string;
  labels: { planned: string; spent: string };
}) {
  const axisMoney = compactMoney(f.locale, currency);
  return (
    <div className="pp-plot" aria-hidden="true">
      <ResponsiveContainer width="100%" height={210}>
        <BarChart data={[...points]} margin={{ top: 12, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke={COLORS.grid} vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 11 }} />
          <YAxis tickFormatter={axisMoney} tick={{ fontSize: 11 }} width={56} />
          <Tooltip formatter={(value) => f.money(asNumber(value), 0)} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar dataKey="planned" name={labels.planned} fill={COLORS.planned} isAnimationActive={false} />
          <Bar dataKey="spent" name={labels.spent} fill={COLORS.spent} isAnimationActive={false} />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
