import { useId, useMemo, useState } from 'react';
import { today } from '@/lib/clock';
import { CHANNELS, type Channel, type PlanData } from '@/lib/domain';
import { type CalendarScale, calendarLayout, filterActions, ownersOf } from '@/lib/planning';
import { SelectField } from '../common/forms';
import { useI18n } from '../common/i18n';
import { shortMonth, shortWeek } from '../common/periods';

const ALL = '';

/** Who does what by when: the actions on a timeline (weeks or months, a line for today), filterable by owner and channel. */
export function CalendarView({ data }: { data: PlanData }) {
  const { t, fmt, locale } = useI18n();
  const id = useId();
  const f = fmt(data.plan.currency);
  const asOf = today();
  const [owner, setOwner] = useState<string>(ALL);
  const [channel, setChannel] = useState<Channel | typeof ALL>(ALL);
  const [scale, setScale] = useState<CalendarScale>('month');
  const owners = ownersOf(data.actions, locale);
  const channels = CHANNELS.filter((c) => data.actions.some((a) => a.channel === c));
  const shown = filterActions(data.actions, { owner: owner === ALL ? null : owner, channel: channel === ALL ? null : channel });
  // The timeline keeps the whole plan's span whatever the filters, so bars do not jump when filtering.
  const layout = useMemo(() => calendarLayout(data.plan, data.actions, { scale, asOf }), [data.plan, data.actions, scale, asOf]);
  const bars = layout.bars.filter((b) => shown.includes(b.action));
  const multiYear = layout.range.start.slice(0, 4) !== layout.range.end.slice(0, 4);
  const tickLabel = (p: { start: string; end: string }) =>
    scale === 'month' ? shortMonth(p, locale, multiYear) : shortWeek(p, locale, data.plan.weekStartsOn, t('cal.weekLetter'));
  const pct = (x: number) => `${(x * 100).toFixed(3)}%`;

  return (
    <section className="pp-card pp-calendar" aria-labelledby={`${id}-title`} data-testid="calendar">
      <h2 id={`${id}-title`}>{t('cal.title')}</h2>
      <div className="pp-form-row">
        <SelectField
          id={`${id}-owner`}
          label={t('cal.owner')}
          value={owner}
          onChange={setOwner}
          options={[{ value: ALL, label: t('cal.all') }, ...owners.map((o) => ({ value: o, label: o }))]}
        />
        <SelectField
          id={`${id}-channel`}
          label={t('cal.channel')}
          value={channel}
          onChange={setChannel}
          options={[
            { value: ALL as Channel | typeof ALL, label: t('cal.all') },
            ...channels.map((c) => ({ value: c, label: t(`channel.${c}`) })),
          ]}
        />
        <SelectField
          id={`${id}-scale`}
          label={t('cal.scale')}
          value={scale}
          onChange={setScale}
          options={[
            { value: 'month', label: t('cal.months') },
            { value: 'week', label: t('cal.weeks') },
          ]}
        />
      </div>
      <p className="pp-muted" role="status" data-testid="calendar-count">
        {t('cal.count', { count: bars.length, total: data.actions.length })}
        {layout.today !== null && <> · {t('cal.today', { date: f.day(asOf) })}</>}
      </p>
      <div className="pp-timeline" data-scale={scale}>
        <div className="pp-timeline-head" aria-hidden="true">
          <div className="pp-timeline-label" />
          <div className="pp-timeline-track">
            {layout.ticks.map((tick) => (
              <span key={tick.period.start} className="pp-tick" style={{ left: pct(tick.left), width: pct(tick.width) }}>
                {tick.width * layout.days >= (scale === 'week' ? 5 : 10) ? tickLabel(tick.period) : ''}
              </span>
            ))}
          </div>
        </div>
        {bars.length === 0 ? (
          <p className="pp-muted">{t('cal.empty')}</p>
        ) : (
          <ol className="pp-timeline-rows">
            {bars.map(({ action, left, width }) => (
              <li key={action.id} className="pp-timeline-row" data-action-id={action.id}>
                <div className="pp-timeline-label">
                  <span className="pp-code">{action.code}</span> <span className="pp-timeline-name">{action.name}</span>
                  <span className="pp-timeline-meta">
                    {action.owner || t('cal.noOwner')} ·{' '}
                    <span className={`pp-tag pp-tag-${action.status}`}>{t(`actionStatus.${action.status}`)}</span>{' '}
                    <span className={`pp-tag pp-priority-${action.priority}`}>
                      {t('cal.priority', { priority: t(`priority.${action.priority}`).toLowerCase() })}
                    </span>
                  </span>
                </div>
                <div className="pp-timeline-track">
                  {layout.ticks.map((tick) => (
                    <span key={tick.period.start} className="pp-grid-line" style={{ left: pct(tick.left) }} aria-hidden="true" />
                  ))}
                  <span
                    className={`pp-bar-range pp-span-${action.status}`}
                    style={{ left: pct(left), width: pct(width) }}
                    data-testid="calendar-bar"
                  >
                    <span className="pp-bar-text">{f.range(action.start, action.end)}</span>
                  </span>
                </div>
              </li>
            ))}
          </ol>
        )}
        {layout.today !== null && (
          <div className="pp-today-layer" aria-hidden="true">
            <div className="pp-timeline-label" />
            <div className="pp-timeline-track">
              <span
                className="pp-today-line"
                data-testid="today-line"
                style={{ left: pct(layout.today) }}
                title={t('cal.today', { date: f.day(asOf) })}
              />
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
