import { useEffect, useState } from 'react';
import browser from 'webextension-polyfill';
import { CONSOLE_HOSTS, matchesPattern } from '@/lib/consoles';
import type { ConsoleId } from '@/lib/domain';
import { useI18n } from '../common/i18n';

type Offer = { console: Exclude<ConsoleId, 'generic'>; origins: string[]; tabId: number };

/** Which known console the tab shows, when Planpilot has no access to it yet. */
async function offerFor(tabId: number | null): Promise<Offer | null> {
  if (tabId === null) return null;
  const tab = await browser.tabs.get(tabId).catch(() => null);
  const url = tab?.url;
  if (!url) return null;
  for (const [id, origins] of Object.entries(CONSOLE_HOSTS) as [Offer['console'], string[]][]) {
    if (!origins.some((p) => matchesPattern(url, p))) continue;
    const granted = await browser.permissions.contains({ origins });
    return granted ? null : { console: id, origins, tabId };
  }
  return null;
}

/**
 * Host access is asked one console at a time, when the user is on it: "Read Google Ads figures".
 * Once granted, the background registers the content script for that console and it is run in
 * this tab at once, so no reload is needed.
 */
export function EnableConsole({ tabId }: { tabId: number | null }) {
  const { t } = useI18n();
  const [offer, setOffer] = useState<Offer | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void offerFor(tabId).then(setOffer);
  }, [tabId]);
  if (!offer) return null;
  const name = t(`console.${offer.console}`);
  return (
    <section className="pp-card" data-testid="enable-console">
      <h2>{t('popup.enable.title', { console: name })}</h2>
      <p className="pp-muted">{t('popup.enable.body', { console: name })}</p>
      <button
        type="button"
        className="pp-primary"
        onClick={async () => {
          try {
            if (!(await browser.permissions.request({ origins: offer.origins }))) return;
            await browser.scripting.executeScript({ target: { tabId: offer.tabId }, files: ['content-scripts/console.js'] });
            setOffer(null);
          } catch (e) {
            setError(String(e));
          }
        }}
      >
        {t('popup.enable.button', { console: name })}
      </button>
      {error && <p className="pp-error">{error}</p>}
    </section>
  );
}
