import type { ObjectiveProgress } from '@/lib/insights';
import { formatFigure } from '../common/figures';
import { useI18n } from '../common/i18n';
import { StatusPill } from '../common/StatusPill';

/** Each SMART objective: its volume to date over its actions, against the target and where it should be by now. */
export function ObjectivesProgress({ items, currency }: { items: readonly ObjectiveProgress[]; currency: string }) {
  const { t, fmt } = useI18n();
  const f = fmt(currency);
  return (
    <section className="pp-card" aria-labelledby="pp-objectives-title">
      <h3 id="pp-objectives-title">{t('dash.objectives.title')}</h3>
      {items.length === 0 ? (
        <p className="pp-muted">{t('dash.objectives.none')}</p>
      ) : (
        <ul className="pp-goals" data-testid="objectives-progress">
          {items.map((item) => {
            const { objective, volume } = item;
            const figure = (v: number | null) => (volume ? formatFigure(volume, v, f) : f.number(v));
            const filled = Math.min(1, Math.max(0, item.progress ?? 0));
            const marker = Math.min(1, item.elapsedShare);
            return (
              <li key={objective.id} data-objective-id={objective.id}>
                <div className="pp-goal-head">
                  <strong>{objective.name}</strong>
                  <StatusPill status={item.status} />
                </div>
                {volume === null ? (
                  <p className="pp-muted">{t('dash.objectives.unmeasured', { metric: objective.metric })}</p>
                ) : (
                  <>
                    <div className="pp-progress" aria-hidden="true">
                      <span className={`pp-progress-fill pp-fill-${item.status}`} style={{ width: `${filled * 100}%` }} />
                      <span className="pp-progress-marker" style={{ left: `${marker * 100}%` }} />
                    </div>
                    <p className="pp-goal-figures">
                      <span data-field="progress">
                        {item.actual === null
                          ? t('dash.objectives.noFigure')
                          : t('dash.objectives.progress', { actual: figure(item.actual), target: figure(objective.target) })}
                      </span>
                      {item.progress !== null && <span className="pp-num"> ({f.percent(item.progress, 0)})</span>}
                      <span className="pp-muted">
                        {' · '}
                        {t(`metric.${volume}`)}
                        {' · '}
                        {t('dash.objectives.expected', { expected: figure(item.expectedByNow) })}
                        {' · '}
                        {t(item.deadlinePassed ? 'dash.objectives.deadlinePassed' : 'dash.objectives.deadline', {
                          date: f.day(objective.deadline),
                        })}
                        {' · '}
                        {t('dash.objectives.actions', { count: item.contributingActionIds.length })}
                      </span>
                    </p>
                  </>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
