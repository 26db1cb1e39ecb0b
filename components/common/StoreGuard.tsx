import { Component, type ReactNode, useEffect, useState } from 'react';
import { planpilotDb } from '@/lib/db';
import { classifyStoreError, describeStoreError } from '@/lib/db/store-errors';
import { useI18n } from './i18n';

type Props = { lang: 'fr' | 'en'; children: ReactNode };

function Failure({ text }: { text: string }) {
  return (
    <main className="pp-main">
      <p className="pp-error" role="alert" data-testid="store-error">
        {text}
      </p>
    </main>
  );
}

/** A view that throws while rendering: its message instead of a blank page. */
class Boundary extends Component<Props, { error: unknown }> {
  override state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  override render() {
    const { error } = this.state;
    if (error === null) return this.props.children;
    const known = classifyStoreError(error) !== 'other';
    return <Failure text={known ? describeStoreError(error, this.props.lang) : error instanceof Error ? error.message : String(error)} />;
  }
}

/**
 * When the store cannot be opened (a database left by a newer Planpilot, storage unavailable), the views' live
 * queries wait for it forever (Dexie's liveQuery ignores a closed database): instead of a blank panel, the user
 * reads what happened and what to do (lib/db/store-errors.ts).
 */
export function StoreGuard({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const [failure, setFailure] = useState<unknown>(null);
  useEffect(() => {
    planpilotDb.open().catch((e: unknown) => setFailure(e));
  }, []);
  if (failure !== null) return <Failure text={describeStoreError(failure, lang)} />;
  return <Boundary lang={lang}>{children}</Boundary>;
}
