import type { OffTarget } from '@/lib/insights';
import type { ActionOverview } from '@/lib/kpi';
import { figureLabel, formatFigure } from '../common/figures';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';

/** What is off target, the farthest first, each with what to look at (lib/insights' diagnosis). */
export function OffTargetList({
  items,
  rows,
  currency,
}: {
  items: readonly OffTarget[];
  rows: readonly ActionOverview[];
  currency: string;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  const actions = new Map(rows.map((r) => [r.action.id, r.action]));
  const gapText = (item: OffTarget) => {
    const gap = Number.isFinite(item.gap) ? f.percent(item.gap, 0) : '∞';
    if (item.key === 'pacing') return t(item.direction === 'above' ? 'dash.offTarget.pacingAbove' : 'dash.offTarget.pacingBelow', { gap });
    return t(item.direction === 'above' ? 'dash.offTarget.above' : 'dash.offTarget.below', { gap });
  };
  const figures = (item: OffTarget) => {
    if (item.key === 'pacing') return t('dash.offTarget.pacingLine', { actual: f.times(item.actual) });
    const isVolume = item.key === 'conversions' || item.key === 'leads' || item.key === 'clicks' || item.key === 'impressions';
    const target = formatFigure(item.key, item.target, f);
    return t(isVolume ? 'dash.offTarget.volumeLine' : 'dash.offTarget.line', { actual: formatFigure(item.key, item.actual, f), target });
  };
  return (
    <section className="pp-card" aria-labelledby="pp-off-title">
      <h3 id="pp-off-title">
        {t('dash.offTarget.title')} <span className="pp-count">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="pp-muted">{t('dash.offTarget.empty')}</p>
      ) : (
        <ol className="pp-diag-list" data-testid="off-target">
          {items.map((item) => {
            const action = actions.get(item.actionId);
            return (
              <li key={`${item.actionId}-${item.key}`} data-action-id={item.actionId} data-key={item.key} data-status={item.status}>
                <div className="pp-diag-head">
                  <StatusPill status={item.status} />
                  <span className="pp-code">{action?.code}</span>
                  <strong>{t(figureLabel(item.key))}</strong>
                  <span className="pp-diag-name">{action?.name}</span>
                </div>
                <p className="pp-diag-figures">
                  <span data-field="figures">{figures(item)}</span> · <span data-field="gap">{gapText(item)}</span>
                </p>
                {item.movements.map((m) => (
                  <p key={m.kpi} className="pp-diag-movement">
                    {m.trend === 'down' ? '↘ ' : '↗ '}
                    {t(m.trend === 'down' ? 'dash.movement.down' : 'dash.movement.up', {
                      kpi: t(figureLabel(m.kpi)),
                      recent: formatFigure(m.kpi, m.recent, f),
                      earlier: formatFigure(m.kpi, m.earlier, f),
                    })}
                  </p>
                ))}
                <p className="pp-diag-hints">
                  <span className="pp-diag-look">{t('dash.offTarget.lookAt')}</span>{' '}
                  {item.hints
                    .map((h) => t(`hint.${h}`, { status: action ? t(`actionStatus.${action.status}`).toLowerCase() : '' }))
                    .join(t('dash.offTarget.separator'))}
                  .
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
