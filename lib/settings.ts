import { storage } from '#imports';
import type { Lang } from './i18n/messages';

/**
 * Per-browser preferences only (plan settings such as tolerance live in the Plan, in IndexedDB).
 * `null` language: follow the browser.
 */
export const uiLanguage = storage.defineItem<Lang | null>('local:uiLanguage', { fallback: null, version: 1 });

/** The consoles whose overlay the user switched off (reading goes on; only the badges hide). */
export const overlayOff = storage.defineItem<string[]>('local:overlayOff', { fallback: [], version: 1 });

export type OverlayPlacement = { x: number; y: number; collapsed: boolean };
export const overlayPlacement = storage.defineItem<OverlayPlacement>('local:overlayPlacement', {
  fallback: { x: 24, y: 24, collapsed: false },
  version: 1,
});

/** The plan the side panel and popup show (the first plan when unset or gone). */
export const currentPlanId = storage.defineItem<string | null>('local:currentPlanId', { fallback: null, version: 1 });

/**
 * Bumped whenever the store changes in any extension context (lib/db/revision.ts), so content
 * scripts, which cannot open the store, know to ask for fresh overlay figures.
 */
export const dataRevision = storage.defineItem<number>('local:dataRevision', { fallback: 0, version: 1 });
