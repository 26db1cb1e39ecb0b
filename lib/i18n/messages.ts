/**
 * UI words in French (first) and English. Stored values (channel, status…) keep
 * their DESIGN spellings; these dictionaries translate them for display.
 */
const fr = {
  appName: 'Planpilot',
  'popup.noConsole.title': 'Cet onglet n’est pas une console reconnue',
  'popup.noConsole.body':
    'Ouvrez la liste des campagnes de Google Ads, Meta, LinkedIn, Microsoft Ads, TikTok, Mailchimp, Brevo ou Klaviyo : Planpilot lira les chiffres affichés.',
  'popup.openPanel': 'Ouvrir le tableau de bord',
  'popup.plan': 'Plan',
  'popup.noPlan': 'Aucun plan. Restaurez une sauvegarde ou créez un plan dans le tableau de bord.',
  'common.action': 'Action',
  'common.budget': 'Budget',
  'common.spendToDate': 'Dépensé à date',
  'common.expectedToDate': 'Prévu à date',
  'common.pacing': 'Rythme',
  'common.actual': 'Réel',
  'common.target': 'Objectif',
  'common.total': 'Total',
  'common.none': '—',
  'status.on': 'dans la cible',
  'status.watch': 'à surveiller',
  'status.off': 'hors cible',
  'status.none': 'sans objectif',
  'panel.title': 'Tableau de bord',
  'panel.restore': 'Restaurer une sauvegarde…',
  'panel.restore.confirm': 'Remplacer',
  'panel.restore.cancel': 'Annuler',
  'panel.restore.preview': 'Cette sauvegarde remplacera : {plans}. Les autres plans ne changent pas.',
  'panel.restore.new': 'Nouveaux plans : {plans}.',
  'panel.restore.done': 'Sauvegarde restaurée : {count} plan(s).',
  'panel.restore.refused': 'Sauvegarde refusée : {error}',
  'panel.asOf': 'au {date}',
  'lang.label': 'Langue',
  'panel.backup.title': 'Sauvegarde',
  'panel.backup.download': 'Télécharger une sauvegarde (JSON)',
  'panel.tab.dashboard': 'Tableau de bord',
  'panel.tab.backup': 'Sauvegarde',
  'panel.plan': 'Plan',
} as const;

export type MessageKey = keyof typeof fr;

const en: Record<MessageKey, string> = {
  appName: 'Planpilot',
  'popup.noConsole.title': 'This tab is not a console Planpilot knows',
  'popup.noConsole.body':
    'Open the campaign list of Google Ads, Meta, LinkedIn, Microsoft Ads, TikTok, Mailchimp, Brevo or Klaviyo: Planpilot reads the figures shown.',
  'popup.openPanel': 'Open the dashboard',
  'popup.plan': 'Plan',
  'popup.noPlan': 'No plan yet. Restore a backup or create a plan in the dashboard.',
  'common.action': 'Action',
  'common.budget': 'Budget',
  'common.spendToDate': 'Spent to date',
  'common.expectedToDate': 'Expected to date',
  'common.pacing': 'Pacing',
  'common.actual': 'Actual',
  'common.target': 'Target',
  'common.total': 'Total',
  'common.none': '—',
  'status.on': 'on target',
  'status.watch': 'watch',
  'status.off': 'off target',
  'status.none': 'no target',
  'panel.title': 'Dashboard',
  'panel.restore': 'Restore a backup…',
  'panel.restore.confirm': 'Replace',
  'panel.restore.cancel': 'Cancel',
  'panel.restore.preview': 'This backup will replace: {plans}. Other plans stay as they are.',
  'panel.restore.new': 'New plans: {plans}.',
  'panel.restore.done': 'Backup restored: {count} plan(s).',
  'panel.restore.refused': 'Backup refused: {error}',
  'panel.asOf': 'as of {date}',
  'lang.label': 'Language',
  'panel.backup.title': 'Backup',
  'panel.backup.download': 'Download a backup (JSON)',
  'panel.tab.dashboard': 'Dashboard',
  'panel.tab.backup': 'Backup',
  'panel.plan': 'Plan',
};

export const LANGS = ['fr', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DICTIONARIES: Record<Lang, Record<MessageKey, string>> = { fr, en };

/** Browser language by default: French for any `fr-*`, English otherwise. */
export function defaultLang(browserLanguage: string | undefined): Lang {
  return browserLanguage?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function translate(lang: Lang, key: MessageKey, params: Record<string, string | number> = {}): string {
  return DICTIONARIES[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`));
}
