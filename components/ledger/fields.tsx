import type { ReactNode } from 'react';
import type { Action } from '@/lib/domain';
import type { MessageKey } from '@/lib/i18n/messages';
import { useI18n } from '../common/i18n';

/** A labelled control with its error in words, tied to it for screen readers. */
export function Field({
  id,
  label,
  error,
  children,
  wide,
}: {
  id: string;
  label: string;
  error?: MessageKey | undefined;
  children: ReactNode;
  wide?: boolean;
}) {
  const { t } = useI18n();
  return (
    <div className={`pp-field${wide ? ' pp-field-wide' : ''}${error ? ' pp-field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {error && (
        <span className="pp-field-error" id={`${id}-error`}>
          {t(error)}
        </span>
      )}
    </div>
  );
}

/** Props that tie an input to its Field's error. */
export function invalidProps(id: string, error: MessageKey | undefined) {
  return error ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {};
}

/** "A01 — Google Ads – Search…": how an action is named in lists and pickers. */
export function actionLabel(action: Pick<Action, 'code' | 'name'>): string {
  return action.code ? `${action.code} — ${action.name}` : action.name;
}

export function ActionOptions({ actions }: { actions: readonly Action[] }) {
  return (
    <>
      {actions.map((a) => (
        <option key={a.id} value={a.id}>
          {actionLabel(a)}
        </option>
      ))}
    </>
  );
}

/** A message that stays until dismissed or replaced (no timer takes a control away), with an optional undo. */
export function Notice({
  text,
  kind = 'ok',
  onUndo,
  undoLabel,
  onDismiss,
}: {
  text: string;
  kind?: 'ok' | 'error';
  onUndo?: (() => void) | undefined;
  /** Defaults to "undo the deletion". */
  undoLabel?: string;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  return (
    <div
      className={`pp-toast ${kind === 'ok' ? 'pp-notice' : 'pp-error'}`}
      role={kind === 'ok' ? 'status' : 'alert'}
      data-testid="ledger-notice"
    >
      <span>{text}</span>
      <span className="pp-spacer" />
      {onUndo && (
        <button type="button" className="pp-link-button" onClick={onUndo} data-testid="undo">
          {undoLabel ?? t('ledger.undo')}
        </button>
      )}
      <button type="button" className="pp-icon-button" onClick={onDismiss} aria-label={t('ledger.dismiss')}>
        ×
      </button>
    </div>
  );
}

/** A ledger's last word to the user, with the undo of what it did when there is one. */
export type LedgerMessage = { text: string; kind: 'ok' | 'error'; undo?: () => Promise<void> };

/** {@link Notice} for a {@link LedgerMessage}: an undo that fails becomes the message, dismissing clears it. */
export function MessageNotice({
  message,
  setMessage,
  undoLabel,
}: {
  message: LedgerMessage;
  setMessage: (message: LedgerMessage | null) => void;
  undoLabel?: string;
}) {
  const undo = message.undo;
  return (
    <Notice
      text={message.text}
      kind={message.kind}
      onUndo={undo ? () => void undo().catch((e: unknown) => setMessage({ kind: 'error', text: String(e) })) : undefined}
      {...(undoLabel === undefined ? {} : { undoLabel })}
      onDismiss={() => setMessage(null)}
    />
  );
}
