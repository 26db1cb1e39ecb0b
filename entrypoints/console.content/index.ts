import { startConsoleContentScript } from '@/lib/content';
import { ignoreForgedRestarts } from '@/lib/content/guard';

// Registered at runtime for the console hosts the user enabled (lib/background/content-scripts.ts),
// so the manifest asks for no host at install.
export default defineContentScript({
  matches: [],
  registration: 'runtime',
  noScriptStartedPostMessage: true,
  main: (ctx) => {
    ignoreForgedRestarts(ctx);
    startConsoleContentScript(ctx);
  },
});
