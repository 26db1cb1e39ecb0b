import type { ContentScriptContext } from '#imports';
import { sendMessage } from '../messaging/client';
import { LiveReader } from './live-reader';

/** The console content script: read the grid live and hand each reading to the background. */
export function startConsoleContentScript(ctx: ContentScriptContext): void {
  const reader = new LiveReader({
    doc: document,
    win: window,
    url: () => location.href,
    onReading: (extraction) => {
      if (ctx.isValid) void sendMessage('reading:report', { extraction }).catch(() => undefined);
    },
  });
  reader.start();
  ctx.addEventListener(window, 'wxt:locationchange', () => reader.reset());
  ctx.onInvalidated(() => reader.stop());
}
