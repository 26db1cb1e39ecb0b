import { ContentScriptContext as Context } from 'wxt/utils/content-script-context';
import type { ContentScriptContext } from '#imports';

/**
 * WXT's context stops an older copy of a content script when a newer copy announces itself with a DOM event on
 * `document` (`<extension id>:console:wxt:content-script-started`). The console page shares that DOM and can
 * dispatch the very same event: it would stop Planpilot's reader and overlay on the spot. Planpilot's script is
 * injected once per page (a registered content script); a copy orphaned by an update still stops, through
 * `runtime.id` (ctx.isValid). So the event is stopped on `window`, in the capture phase, before WXT's
 * listener on `document` sees it: a page cannot switch Planpilot off.
 */
export function ignoreForgedRestarts(ctx: ContentScriptContext, win: Window = window): void {
  // WXT's own name for the event (a static it keeps private in its types).
  const name = (Context as unknown as { SCRIPT_STARTED_MESSAGE_TYPE: string }).SCRIPT_STARTED_MESSAGE_TYPE;
  win.addEventListener(name, (event) => event.stopImmediatePropagation(), {
    capture: true,
    signal: ctx.signal,
  });
}
