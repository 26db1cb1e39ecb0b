import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { today } from '@/lib/clock';
import { findLinksForCampaigns, loadActionsData, planpilotDb } from '@/lib/db';
import { computeActions } from '@/lib/kpi';
import { sendMessage } from '@/lib/messaging/client';
import type { TabReading } from '@/lib/messaging/protocol';
import { useI18n } from '../common/i18n';
import { TargetsList } from '../common/TargetsList';

/** "How is this tab doing against the plan": what was read, and the actions its campaigns feed. */
export function TabCard({ reading }: { reading: TabReading }) {
  const { t, fmt } = useI18n();
  const { extraction } = reading;
  const asOf = today();
  const linked = useLiveQuery(async () => {
    const refs = extraction.rows.map((row) => ({
      console: extraction.console,
      accountId: extraction.account,
      campaignId: row.campaign.id,
      campaignName: row.campaign.name,
    }));
    const links = await findLinksForCampaigns(planpilotDb, refs);
    const plans = await loadActionsData(planpilotDb, [...new Set(links.map((l) => l.actionId))]);
    return plans.flatMap((data) => computeActions(data, asOf).map((standing) => ({ standing, plan: data.plan })));
  }, [reading.readAt, asOf]);
  const f = fmt(extraction.currency ?? 'EUR');
  return (
    <section className="pp-card" aria-labelledby="pp-tab-title" data-testid="tab-card">
      <h2 id="pp-tab-title">{t(`console.${extraction.console}`)}</h2>
      <p className="pp-muted" data-testid="tab-summary">
        {extraction.dateRange ? f.range(extraction.dateRange.start, extraction.dateRange.end) : t('popup.noRange')}
        {' · '}
        {t('popup.campaignsRead', { count: extraction.rows.length })}
        {extraction.account ? ` · ${t('popup.account', { account: extraction.account })}` : ''}
      </p>
      {reading.awaitingRange && <ConfirmRange tabId={reading.tabId} />}
      {linked && linked.length === 0 && <p className="pp-notice">{t('popup.noLinkedAction')}</p>}
      {linked?.map(({ standing, plan }) => (
        <div key={standing.action.id} className="pp-linked" data-action-id={standing.action.id}>
          <h3>
            <span className="pp-code">{standing.action.code}</span> {standing.action.name}
          </h3>
          <TargetsList standing={standing} plan={plan} />
        </div>
      ))}
    </section>
  );
}

/** A page without a date range (an e-mail list): propose the month to date, store once confirmed. */
function ConfirmRange({ tabId }: { tabId: number }) {
  const { t } = useI18n();
  const end = today();
  const [start, setStart] = useState(`${end.slice(0, 8)}01`);
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="pp-notice pp-row"
      onSubmit={(e) => {
        e.preventDefault();
        void sendMessage('reading:confirm-range', { tabId, dateRange: { start, end } }).catch((err: unknown) => setError(String(err)));
      }}
    >
      <span>{t('popup.confirmRange')}</span>
      <label>
        {t('popup.rangeStart')}
        <input type="date" value={start} max={end} onChange={(e) => setStart(e.target.value)} required />
      </label>
      <button type="submit" className="pp-primary">
        {t('popup.confirmRangeButton', { end })}
      </button>
      {error && <span className="pp-error">{error}</span>}
    </form>
  );
}
