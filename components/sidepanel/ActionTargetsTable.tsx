import { Fragment } from 'react';
import { VOLUME_TARGET_KEYS } from '@/lib/domain';
import { type ActionOverview, compareTargets } from '@/lib/kpi';
import { comparator, figureLabel, formatFigure } from '../common/figures';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';

const isVolume = (key: string) => (VOLUME_TARGET_KEYS as readonly string[]).includes(key);

/** Every action's targets beside its figures to date, as the engine judges them (lib/kpi's `compareTargets`). */
export function ActionTargetsTable({
  rows,
  currency,
  tolerance,
}: {
  rows: readonly ActionOverview[];
  currency: string;
  tolerance: number;
}) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  const judged = rows
    .map((row) => ({
      row,
      comparisons: compareTargets(
        row.action.targets,
        { kpis: row.toDate.kpis, volumes: row.toDate.volumes, elapsedShare: row.elapsedShare, pacing: row.pacing },
        tolerance,
      ),
    }))
    .filter((x) => x.comparisons.length > 0);
  return (
    <section className="pp-card" aria-labelledby="pp-targets-title">
      <h3 id="pp-targets-title">{t('dash.targets.title')}</h3>
      {judged.length === 0 ? (
        <p className="pp-muted">{t('dash.targets.none')}</p>
      ) : (
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable by keyboard to scroll it
        <section className="pp-scroll-wrap" tabIndex={0} aria-labelledby="pp-targets-title">
          <table className="pp-table pp-targets-table" data-testid="targets-table">
            <thead>
              <tr>
                <th scope="col">{t('common.indicator')}</th>
                <th scope="col" className="pp-num">
                  {t('common.actual')}
                </th>
                <th scope="col" className="pp-num">
                  {t('common.target')}
                </th>
                <th scope="col">{t('common.status')}</th>
              </tr>
            </thead>
            {judged.map(({ row, comparisons }) => (
              <Fragment key={row.action.id}>
                <tbody data-action-id={row.action.id}>
                  <tr className="pp-group-row">
                    <th scope="colgroup" colSpan={4}>
                      <span className="pp-code">{row.action.code}</span> {row.action.name}
                    </th>
                  </tr>
                  {comparisons.map((c) => (
                    <tr key={c.key} data-key={c.key} data-status={c.status}>
                      <th scope="row">{t(figureLabel(c.key))}</th>
                      <td className="pp-num" data-field="actual">
                        {formatFigure(c.key, c.actual, f)}
                      </td>
                      <td className="pp-num" data-field="target">
                        {comparator(c.key)}
                        {'\u00a0'}
                        {formatFigure(c.key, c.comparedWith, f)}
                        {isVolume(c.key) && (
                          <span className="pp-sub">{t('dash.targets.ofTotal', { total: formatFigure(c.key, c.target, f) })}</span>
                        )}
                      </td>
                      <td data-field="status">
                        {/* "no target" would be wrong here: the target is set, the figure is missing. */}
                        <StatusPill status={c.status} label={c.actual === null ? t('dash.objectives.noFigure') : undefined} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </Fragment>
            ))}
          </table>
        </section>
      )}
    </section>
  );
}
