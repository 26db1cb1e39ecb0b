import { useLayoutEffect, useRef, useState } from 'react';
import { toDay } from '@/lib/kpi/days';

export type ChartSeries = {
  label: string;
  /** A CSS colour; series are also told apart by dash, never by colour alone. */
  color: string;
  dashed?: boolean;
  /** Steps (amounts paid on a day) rather than straight segments between points. */
  step?: boolean;
  points: readonly { date: string; value: number }[];
};

const DEFAULT_WIDTH = 640;
const H = 220;
const PAD = { left: 64, right: 12, top: 10, bottom: 26 };

/**
 * Cumulative money over calendar days, as an SVG drawn at its box's width (text stays 11 px however wide the
 * side panel is) and printed sharp; `width` fixes it (the printable report draws at the A4 text width). Two or
 * three series at most; the numbers it draws are always also in a table next to it (the accessible form).
 */
export function CumulativeChart({
  series,
  from,
  to,
  money,
  day,
  label,
  testId,
  width,
}: {
  series: readonly ChartSeries[];
  from: string;
  to: string;
  money: (v: number) => string;
  day: (iso: string) => string;
  label: string;
  testId?: string;
  width?: number;
}) {
  const box = useRef<HTMLElement>(null);
  const [measured, setMeasured] = useState(DEFAULT_WIDTH);
  useLayoutEffect(() => {
    const el = box.current;
    if (width !== undefined || !el) return;
    const measure = () => setMeasured(Math.max(240, Math.round(el.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [width]);
  const W = width ?? measured;
  const x0 = toDay(from);
  const x1 = Math.max(toDay(to), x0 + 1);
  const max = Math.max(1, ...series.flatMap((s) => s.points.map((p) => p.value)));
  const top = niceCeiling(max);
  const x = (date: string) => PAD.left + ((toDay(date) - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const y = (v: number) => H - PAD.bottom - (v / top) * (H - PAD.top - PAD.bottom);
  const path = (s: ChartSeries) =>
    s.points
      .map((p, i) => {
        const prev = s.points[i - 1];
        if (i === 0) return `M${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`;
        return s.step && prev ? `H${x(p.date).toFixed(1)}V${y(p.value).toFixed(1)}` : `L${x(p.date).toFixed(1)},${y(p.value).toFixed(1)}`;
      })
      .join('');
  const ticks = [0, top / 2, top];
  return (
    <figure className="pp-chart" data-testid={testId} ref={box} style={width ? { width, maxWidth: '100%' } : undefined}>
      <svg viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        {ticks.map((v) => (
          <g key={v}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} stroke="#dde1e8" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end" fontSize={11} fill="#5b6475">
              {money(v)}
            </text>
          </g>
        ))}
        <text x={PAD.left} y={H - 6} fontSize={11} fill="#5b6475">
          {day(from)}
        </text>
        <text x={W - PAD.right} y={H - 6} fontSize={11} fill="#5b6475" textAnchor="end">
          {day(to)}
        </text>
        {series.map((s) => (
          <path
            key={s.label}
            d={path(s)}
            fill="none"
            stroke={s.color}
            strokeWidth={2.5}
            strokeDasharray={s.dashed ? '6 4' : undefined}
            strokeLinejoin="round"
          />
        ))}
      </svg>
      <figcaption className="pp-legend">
        {series.map((s) => (
          <span key={s.label} className="pp-legend-item">
            <svg width="22" height="8" aria-hidden="true">
              <line x1="0" x2="22" y1="4" y2="4" stroke={s.color} strokeWidth="2.5" strokeDasharray={s.dashed ? '5 3' : undefined} />
            </svg>
            {s.label}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}

/** 1, 2, 2.5 or 5 × a power of ten, at or above `v`: axis labels a reader takes in at a glance. */
function niceCeiling(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
  return 10 * p;
}
