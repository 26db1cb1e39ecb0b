import type { FigureStatus } from '@/lib/domain';
import { useI18n } from './i18n';

/** A status in colour AND words, never colour alone. */
export function StatusPill({ status, label }: { status: FigureStatus; label?: string }) {
  const { t } = useI18n();
  return (
    <span className={`pp-status pp-status-${status}`} data-status={status}>
      <span className="pp-dot" aria-hidden="true" />
      {label ?? t(`status.${status}`)}
    </span>
  );
}
