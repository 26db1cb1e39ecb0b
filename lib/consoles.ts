import type { ConsoleId } from './domain';

/**
 * The consoles Planpilot reads and the host patterns it asks access to, one console at a time.
 * One home for host patterns: the manifest's optional_host_permissions come from here.
 */
export const CONSOLE_HOSTS: Record<Exclude<ConsoleId, 'generic'>, string[]> = {
  'google-ads': ['https://ads.google.com/*'],
  'meta-ads': ['https://adsmanager.facebook.com/*', 'https://business.facebook.com/*'],
  'microsoft-ads': ['https://ui.ads.microsoft.com/*'],
  'linkedin-ads': ['https://www.linkedin.com/campaignmanager/*'],
  'tiktok-ads': ['https://ads.tiktok.com/*'],
  mailchimp: ['https://*.admin.mailchimp.com/*'],
  brevo: ['https://app.brevo.com/*'],
  klaviyo: ['https://www.klaviyo.com/*'],
};

export const ALL_CONSOLE_HOSTS = Object.values(CONSOLE_HOSTS).flat();

/** Loopback origin the test build is granted at install, so fixture consoles served locally are read. */
export const TEST_HOSTS = ['http://127.0.0.1/*'];

/** Does a URL fall under a match pattern (`scheme://host/path*`, host may start with `*.`)? */
export function matchesPattern(url: string, pattern: string): boolean {
  const m = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, host, path] = m as unknown as [string, string, string, string];
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  const urlScheme = u.protocol.slice(0, -1);
  if (scheme === '*' ? !['http', 'https'].includes(urlScheme) : scheme !== urlScheme) return false;
  if (host !== '*') {
    if (host.startsWith('*.')) {
      const base = host.slice(2);
      if (u.hostname !== base && !u.hostname.endsWith(`.${base}`)) return false;
    } else if (u.hostname !== host) return false;
  }
  const pathRe = new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  return pathRe.test(u.pathname + u.search);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Which console a granted pattern belongs to (`null` for the test host). */
export function consoleOfPattern(pattern: string): ConsoleId | null {
  for (const [id, patterns] of Object.entries(CONSOLE_HOSTS)) if (patterns.includes(pattern)) return id as ConsoleId;
  return null;
}
