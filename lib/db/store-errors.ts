/**
 * What the user reads when the store fails: one sentence saying what happened, that nothing was changed (every
 * write of lib/db is one transaction, rolled back whole on failure) and, where the user must act, what to do.
 * Dexie wraps IndexedDB's errors (`inner`), and transaction aborts carry their cause: the chain is followed.
 */
import { StoreError } from './errors';

export type StoreFailure = 'quota' | 'newer-version' | 'invalid' | 'interrupted' | 'unavailable' | 'other';

const SENTENCES: Record<Exclude<StoreFailure, 'invalid' | 'other'>, Record<'fr' | 'en', string>> = {
  quota: {
    fr: "Le stockage du navigateur est plein : rien n'a été enregistré. Faites une sauvegarde, supprimez d'anciens plans ou relevés, puis réessayez.",
    en: "The browser's storage is full: nothing was saved. Back up, delete old plans or captures, then try again.",
  },
  'newer-version': {
    fr: "Ces données ont été enregistrées par une version plus récente de Planpilot : mettez Planpilot à jour pour les ouvrir. Rien n'a été modifié.",
    en: 'This data was saved by a newer version of Planpilot: update Planpilot to open it. Nothing was changed.',
  },
  interrupted: {
    fr: "L'enregistrement a été interrompu : rien n'a été enregistré. Réessayez.",
    en: 'Saving was interrupted: nothing was saved. Try again.',
  },
  unavailable: {
    fr: "Le stockage de Planpilot n'est pas disponible dans ce navigateur (navigation privée ?) : rien n'a été enregistré.",
    en: "Planpilot's storage is not available in this browser (private browsing?): nothing was saved.",
  },
};

type Chained = { name?: unknown; message?: unknown; inner?: unknown; cause?: unknown };

/** The error and the errors it wraps (Dexie's `inner`, `cause`), outermost first. */
function chain(e: unknown): Chained[] {
  const out: Chained[] = [];
  for (let cur: unknown = e; cur && typeof cur === 'object' && out.length < 8; ) {
    const c = cur as Chained;
    out.push(c);
    cur = c.inner ?? c.cause;
  }
  return out;
}

/** Which failure this is, from the names IndexedDB and Dexie give their errors. */
export function classifyStoreError(e: unknown): StoreFailure {
  if (e instanceof StoreError) return 'invalid';
  const names = chain(e).map((c) => (typeof c.name === 'string' ? c.name : ''));
  if (names.some((n) => n === 'QuotaExceededError')) return 'quota';
  if (names.some((n) => n === 'VersionError')) return 'newer-version';
  if (names.some((n) => n === 'MissingAPIError' || n === 'InvalidStateError' || n === 'SecurityError')) return 'unavailable';
  if (names.some((n) => n === 'AbortError' || n === 'TransactionInactiveError' || n === 'DatabaseClosedError')) return 'interrupted';
  return 'other';
}

/** The sentence the UI shows for a failed store operation, in French or English. */
export function describeStoreError(e: unknown, lang: 'fr' | 'en'): string {
  const kind = classifyStoreError(e);
  if (kind === 'invalid') {
    const message = (e as StoreError).message;
    return lang === 'fr' ? `Non enregistré : ${message}` : `Not saved: ${message}`;
  }
  if (kind === 'other') {
    const first = chain(e).find((c) => typeof c.message === 'string' && c.message !== '');
    const detail = typeof first?.message === 'string' ? first.message : String(e);
    return lang === 'fr'
      ? `Planpilot n'a rien pu enregistrer (${detail}). Rien n'a été modifié.`
      : `Planpilot could not save (${detail}). Nothing was changed.`;
  }
  return SENTENCES[kind][lang];
}
