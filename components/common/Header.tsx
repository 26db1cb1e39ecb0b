import type { ReactNode } from 'react';
import type { Plan } from '@/lib/domain';
import { LANGS } from '@/lib/i18n/messages';
import { useI18n } from './i18n';

/** Logo, plan chooser and language switch, shared by popup and side panel. */
export function Header({
  plans,
  plan,
  onPlan,
  children,
}: {
  plans: Plan[];
  plan: Plan | undefined;
  onPlan: (id: string) => void;
  children?: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  return (
    <header className="pp-header">
      <span className="pp-logo">Planpilot</span>
      {plans.length > 0 && (
        <label className="pp-visually-hidden" htmlFor="pp-plan-select">
          {t('panel.plan')}
        </label>
      )}
      {plans.length > 0 && (
        <select id="pp-plan-select" value={plan?.id} onChange={(e) => onPlan(e.target.value)} style={{ maxWidth: 320 }}>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
      <span className="pp-spacer" />
      {children}
      <label className="pp-visually-hidden" htmlFor="pp-lang">
        {t('lang.label')}
      </label>
      <select id="pp-lang" value={lang} onChange={(e) => setLang(e.target.value as (typeof LANGS)[number])}>
        {LANGS.map((l) => (
          <option key={l} value={l}>
            {l.toUpperCase()}
          </option>
        ))}
      </select>
    </header>
  );
}
