import type { ContentScriptContext } from '#imports';
import { makeFormatters } from '../i18n/format';
import { defaultLang, localeFor } from '../i18n/lang';
import type { Extraction } from '../readers/extraction';
import { dataRevision, overlayOff, overlayPlacement, uiLanguage } from '../settings';
import { rowAnchors } from './anchors';
import { LiveReader } from './live-reader';
import { Overlay } from './overlay/overlay';
import { Pacer } from './pacer';
import { sendFromContent } from './send';
import { overlayTranslator } from './words';

/**
 * The console content script: read the grid live, hand each reading to the background, and show
 * the overlay (badges, links, summary) unless the user switched it off for this console.
 */
export function startConsoleContentScript(ctx: ContentScriptContext): void {
  let latest: Extraction | null = null;
  let anchors: (Element | null)[] = [];
  let overlay: Overlay | null = null;
  let shown = ''; // the state the overlay shows: a page re-rendering the same rows costs no rebuild

  const refreshOverlay = async () => {
    const extraction = latest;
    if (!extraction || !ctx.isValid) return;
    if ((await overlayOff.getValue()).includes(extraction.console)) {
      overlay?.destroy();
      overlay = null;
      shown = '';
      return;
    }
    // The overlay's round trip and work count in the reader's share of the main thread (live-reader.ts's
    // throttle): asking for the state, parsing it, comparing it, updating the badges. Waiting counts too: safe.
    const asked = performance.now();
    const state = await sendFromContent('overlay:state', { extraction });
    if (extraction !== latest || !ctx.isValid) return;
    overlay ??= await createOverlay(async (row, actionId) => {
      const read = latest?.rows[row];
      if (!latest || !read) return;
      await sendFromContent('overlay:link', { console: latest.console, accountId: latest.account, campaign: read.campaign, actionId });
      await refreshOverlay();
    });
    const key = JSON.stringify(state);
    if (key === shown) overlay.reanchor(anchors);
    else {
      overlay.update(state, anchors);
      shown = key;
    }
    reader.charge(performance.now() - asked);
  };
  // One refresh at a time; readings that arrive meanwhile make one more, with the latest reading.
  let refreshing = false;
  let again = false;
  const refresh = (): void => {
    if (refreshing) {
      again = true;
      return;
    }
    refreshing = true;
    void refreshOverlay()
      .catch(() => undefined)
      .finally(() => {
        refreshing = false;
        if (again) {
          again = false;
          refresh();
        }
      });
  };

  /**
   * Hands a reading to the background. When the background did not take it (its worker was stopping: the message
   * or its reply was lost), it is sent again while it is still what the page shows, a few times, waiting longer
   * each time: a reading is stored all or nothing and never twice (lib/db/captures.ts), so resending is safe, and
   * a page that stays as it is would otherwise never be read again. Refusals are final.
   */
  const report = (extraction: Extraction, attempt: number): void => {
    if (!ctx.isValid || extraction !== latest) return;
    sendFromContent('reading:report', { extraction }).then(refresh, (e: unknown) => {
      const refused = e instanceof Error && e.message.startsWith('refused');
      if (!refused && attempt < 5) ctx.setTimeout(() => report(extraction, attempt + 1), 500 * 2 ** attempt);
    });
  };

  const pacer = new Pacer<Extraction>((extraction) => report(extraction, 0), {
    now: () => performance.now(),
    setTimeout: (f, ms) => ctx.setTimeout(f, ms),
    clearTimeout: (id) => clearTimeout(id as number),
  });

  const reader = new LiveReader({
    doc: document,
    win: window,
    url: () => location.href,
    onReading: (extraction, view) => {
      latest = extraction;
      pacer.push(extraction, view);
      // The overlay follows every reading (new rows get their badges at once); storing is paced.
      refresh();
    },
    onRead: (grid, extraction) => {
      anchors = grid && extraction ? rowAnchors(grid, extraction.rows) : [];
      overlay?.reanchor(anchors);
    },
  });
  reader.start();
  ctx.addEventListener(window, 'wxt:locationchange', () => reader.reset());
  const unwatch = [dataRevision.watch(refresh), overlayOff.watch(refresh), uiLanguage.watch(() => recreate())];
  ctx.onInvalidated(() => {
    reader.stop();
    pacer.stop();
    overlay?.destroy();
    for (const stop of unwatch) stop();
  });

  function recreate() {
    overlay?.destroy();
    overlay = null;
    shown = '';
    refresh();
  }
}

async function createOverlay(onLink: (row: number, actionId: string) => Promise<void>): Promise<Overlay> {
  const [saved, placement] = await Promise.all([uiLanguage.getValue(), overlayPlacement.getValue()]);
  const lang = saved ?? defaultLang(navigator.language);
  const locale = localeFor(lang, navigator.language);
  return new Overlay({
    doc: document,
    win: window,
    t: overlayTranslator(lang),
    fmt: (currency) => makeFormatters(locale, currency),
    placement,
    savePlacement: (p) => void overlayPlacement.setValue(p),
    onLink,
  });
}
