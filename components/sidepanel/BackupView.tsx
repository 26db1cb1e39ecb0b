import { useState } from 'react';
import { today } from '@/lib/clock';
import { exportBackup, planpilotDb, previewRestore, type RestorePreview, restoreBackup } from '@/lib/db';
import { describeStoreError } from '@/lib/db/store-errors';
import { backupText, MAX_BACKUP_CHARS, type Plan } from '@/lib/domain';
import { slug } from '@/lib/snapshots';
import { usePlans } from '../common/data';
import { downloadText } from '../common/download';
import { useI18n } from '../common/i18n';

type Pending = { text: string; preview: Extract<RestorePreview, { ok: true }> };

const LIMIT_MB = MAX_BACKUP_CHARS / 1024 / 1024;

/**
 * Back up every plan to a JSON file, or one plan (to hand a client's plan to a colleague, or when the whole
 * backup is larger than a restore reads), or restore one: validated first, shown, then all or nothing.
 */
export function BackupView() {
  const { t, lang } = useI18n();
  const plans = usePlans() ?? [];
  const [pending, setPending] = useState<Pending | null>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);

  async function onFile(file: File | undefined) {
    setMessage(null);
    setPending(null);
    if (!file) return;
    const text = await file.text();
    const preview = await previewRestore(planpilotDb, text);
    if (!preview.ok) setMessage({ kind: 'error', text: t('panel.restore.refused', { error: preview.error }) });
    else setPending({ text, preview });
  }

  async function confirm() {
    if (!pending) return;
    const result = await restoreBackup(planpilotDb, pending.text).catch((e: unknown) => ({
      ok: false as const,
      error: describeStoreError(e, lang), // storage full, interrupted…: nothing was written, and what to do
      path: '',
    }));
    setPending(null);
    setMessage(
      result.ok
        ? { kind: 'ok', text: t('panel.restore.done', { count: result.plans.length }) }
        : { kind: 'error', text: t('panel.restore.refused', { error: result.error }) },
    );
  }

  /** The file is always written (it holds everything); the user is told when a restore could not read it whole. */
  async function download(plan?: Plan) {
    setMessage(null);
    const file = backupText(await exportBackup(planpilotDb, plan ? [plan.id] : undefined));
    const name = plan ? `planpilot-backup-${slug(plan.name)}-${today()}.json` : `planpilot-backup-${today()}.json`;
    downloadText(name, file.text, 'application/json');
    if (!file.fits) {
      const key = plan ? 'panel.backup.planTooLarge' : 'panel.backup.tooLarge';
      setMessage({ kind: 'error', text: t(key, { mb: file.mb, limit: LIMIT_MB, plan: plan?.name ?? '' }) });
    }
  }

  const replaced = pending?.preview.plans.filter((p) => p.replaces) ?? [];
  const added = pending?.preview.plans.filter((p) => !p.replaces) ?? [];
  return (
    <section className="pp-card" aria-labelledby="pp-backup-title">
      <h2 id="pp-backup-title">{t('panel.backup.title')}</h2>
      <div className="pp-row">
        <button type="button" onClick={() => void download()}>
          {t('panel.backup.download')}
        </button>
        {plans.length > 0 && (
          <details>
            <summary>{t('panel.backup.perPlan')}</summary>
            <ul className="pp-plain-list">
              {plans.map((plan) => (
                <li key={plan.id}>
                  <button type="button" onClick={() => void download(plan)} data-testid={`backup-plan-${plan.id}`}>
                    {plan.name}
                  </button>
                </li>
              ))}
            </ul>
          </details>
        )}
        <label>
          {t('panel.restore')}
          <input
            type="file"
            accept="application/json,.json"
            data-testid="restore-input"
            onChange={(e) => void onFile(e.target.files?.[0])}
          />
        </label>
      </div>
      {pending && (
        <div className="pp-notice" role="alertdialog" aria-label={t('panel.restore')}>
          {replaced.length > 0 && <p>{t('panel.restore.preview', { plans: replaced.map((p) => p.name).join(', ') })}</p>}
          {added.length > 0 && <p>{t('panel.restore.new', { plans: added.map((p) => p.name).join(', ') })}</p>}
          <div className="pp-row">
            <button type="button" className="pp-primary" onClick={() => void confirm()} data-testid="restore-confirm">
              {t('panel.restore.confirm')}
            </button>
            <button type="button" onClick={() => setPending(null)}>
              {t('panel.restore.cancel')}
            </button>
          </div>
        </div>
      )}
      {message && (
        <p className={message.kind === 'ok' ? 'pp-notice' : 'pp-error'} role="status" data-testid="restore-message">
          {message.text}
        </p>
      )}
    </section>
  );
}
