import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useId, useRef, useState } from 'react';
import { findLinksForCampaigns, linkCampaign, listCapturesWithin, newId, planpilotDb, unlinkCampaign } from '@/lib/db';
import type { Action, CampaignLink, Plan, PlanData } from '@/lib/domain';
import { campaignsSeen, type SeenCampaign } from '@/lib/insights';
import { captureMatchesLink } from '@/lib/kpi';
import { UndoBar } from '../common/forms';
import { useI18n } from '../common/i18n';
import { saveFailure } from './PlanEditor';

type Elsewhere = { link: CampaignLink; action: Action | undefined; plan: Plan | undefined };
type Undo = { message: string; run: () => Promise<unknown> };

/**
 * Every campaign seen during the plan's period (its captures) and the action it feeds, unlinked first.
 * Choosing an action links, moves or unlinks it (lib/db's linkCampaign: a campaign feeds one action).
 */
export function LinksView({ data }: { data: PlanData }) {
  const { t, fmt, locale } = useI18n();
  const id = useId();
  const f = fmt(data.plan.currency);
  const { plan } = data;
  const [undo, setUndo] = useState<Undo | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const undoRef = useRef<HTMLDivElement>(null);
  const links = data.campaignLinks;

  const seen = useLiveQuery(async () => {
    const captures = await listCapturesWithin(planpilotDb, { start: plan.start, end: plan.end });
    const campaigns = campaignsSeen(captures, links, locale);
    const unlinked = campaigns.filter((c) => c.link === null).map((c) => c.identity);
    const otherLinks = unlinked.length === 0 ? [] : await findLinksForCampaigns(planpilotDb, unlinked);
    const actions = await planpilotDb.actions.bulkGet(otherLinks.map((l) => l.actionId));
    const plans = await planpilotDb.plans.bulkGet(actions.map((a) => a?.planId ?? ''));
    const elsewhere: Elsewhere[] = otherLinks.map((link, i) => ({ link, action: actions[i], plan: plans[i] }));
    return { campaigns, elsewhere };
  }, [plan.start, plan.end, links, locale]);

  useEffect(() => {
    if (undo) undoRef.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, [undo]);

  const actionById = new Map(data.actions.map((a) => [a.id, a]));
  const nameOf = (c: SeenCampaign) => c.identity.campaignName ?? c.identity.campaignId ?? '';
  const codeOf = (actionId: string) => {
    const a = actionById.get(actionId);
    return a ? a.code || a.name : actionId;
  };

  async function choose(campaign: SeenCampaign, actionId: string) {
    setFailure(null);
    const current = campaign.link;
    const name = nameOf(campaign);
    try {
      if (actionId === '') {
        if (!current) return;
        await unlinkCampaign(planpilotDb, current.id);
        setUndo({
          message: t('links.removed', { campaign: name, action: codeOf(current.actionId) }),
          run: () => linkCampaign(planpilotDb, current),
        });
        return;
      }
      const link: CampaignLink = current ? { ...current, actionId } : { id: newId('lnk'), actionId, ...campaign.identity };
      const { replaced } = await linkCampaign(planpilotDb, link);
      const restore = async () => {
        if (current) await linkCampaign(planpilotDb, current);
        else await unlinkCampaign(planpilotDb, link.id);
        for (const old of replaced) await linkCampaign(planpilotDb, old);
      };
      const movedFrom = current ? codeOf(current.actionId) : replaced[0] ? codeOf(replaced[0].actionId) : null;
      setUndo({
        message: movedFrom
          ? t('links.moved', { campaign: name, from: movedFrom, to: codeOf(actionId) })
          : t('links.linked', { campaign: name, action: codeOf(actionId) }),
        run: restore,
      });
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
  }

  async function runUndo() {
    if (!undo) return;
    try {
      await undo.run();
    } catch (error) {
      setFailure(t('form.saveFailed', { error: saveFailure(error) }));
    }
    setUndo(null);
  }

  if (!seen) return null;
  const { campaigns, elsewhere } = seen;
  const unlinkedCount = campaigns.filter((c) => c.link === null).length;
  return (
    <section className="pp-card" aria-labelledby={`${id}-title`} data-testid="links-view">
      <h2 id={`${id}-title`}>{t('links.title')}</h2>
      <p className="pp-muted">{t('links.intro')}</p>
      {failure && (
        <p className="pp-error" role="alert">
          {failure}
        </p>
      )}
      {campaigns.length === 0 ? (
        <p className="pp-notice">{t('links.empty')}</p>
      ) : (
        <>
          <p className="pp-small" data-testid="links-count">
            {t('links.countUnlinked', { count: unlinkedCount, total: campaigns.length })}
          </p>
          <ul className="pp-links">
            {campaigns.map((c) => {
              const other = c.link ? undefined : elsewhere.find((e) => captureMatchesLink(c.identity, e.link));
              const foreignCurrencies = c.currencies.filter((cur): cur is string => cur !== null && cur !== plan.currency);
              const selectId = `${id}-${c.key}`;
              return (
                <li
                  key={c.key}
                  className={c.link ? 'pp-link-row' : 'pp-link-row pp-link-unlinked'}
                  data-campaign={nameOf(c)}
                  data-linked={c.link ? 'yes' : 'no'}
                >
                  <div className="pp-link-main">
                    <span className="pp-link-name">
                      {!c.link && <span className="pp-tag pp-tag-unlinked">{t('links.unlinked')}</span>} <strong>{nameOf(c)}</strong>
                    </span>
                    <span className="pp-muted pp-small">
                      {t(`console.${c.identity.console}`)}
                      {c.identity.accountId && (
                        <>
                          {' '}
                          · {t('links.account')} {c.identity.accountId}
                        </>
                      )}
                      {c.identity.campaignId && c.identity.campaignName && <> · #{c.identity.campaignId}</>}
                      {' · '}
                      {c.lastDay
                        ? `${t('links.lastDay')} ${f.day(c.lastDay)} · ${t('links.captures', { count: c.captureCount })}`
                        : t('links.neverCaptured')}
                    </span>
                    {foreignCurrencies.length > 0 && (
                      <span className="pp-warn pp-small">
                        {t('links.otherCurrency', { currency: foreignCurrencies.join(', '), planCurrency: plan.currency })}
                      </span>
                    )}
                    {other && (
                      <span className="pp-muted pp-small">
                        {t('links.otherPlan', {
                          action: other.action ? `${other.action.code} ${other.action.name}` : other.link.actionId,
                          plan: other.plan?.name ?? '',
                        })}
                      </span>
                    )}
                  </div>
                  <div className="pp-link-action">
                    <label className="pp-visually-hidden" htmlFor={selectId}>
                      {t('links.actionFor', { campaign: nameOf(c) })}
                    </label>
                    <select id={selectId} value={c.link?.actionId ?? ''} onChange={(e) => void choose(c, e.target.value)}>
                      <option value="">{t('links.none')}</option>
                      {data.actions.map((a) => (
                        <option key={a.id} value={a.id}>
                          {a.code} {a.name}
                        </option>
                      ))}
                    </select>
                  </div>
                </li>
              );
            })}
          </ul>
        </>
      )}
      {undo && (
        <div ref={undoRef} className="pp-undo-dock">
          <UndoBar message={undo.message} undoLabel={t('links.undo')} onUndo={() => void runUndo()} onDismiss={() => setUndo(null)} />
        </div>
      )}
    </section>
  );
}
