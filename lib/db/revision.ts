import Dexie from 'dexie';
import { dataRevision } from '../settings';

/**
 * Publishes "the store changed" to contexts that cannot open it (content scripts): Dexie reports
 * every write made in this context and, across contexts of the extension's origin, those of the
 * others; a storage item carries the news to the consoles' tabs. Returns the unsubscribe.
 */
export function publishStoreChanges(delayMs = 150): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const handler = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void dataRevision.setValue(Date.now()), delayMs);
  };
  Dexie.on('storagemutated', handler);
  return () => Dexie.on('storagemutated').unsubscribe(handler);
}
