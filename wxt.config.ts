import { defineConfig } from 'wxt';
import { ALL_CONSOLE_HOSTS, TEST_HOSTS } from './lib/consoles';

// Test builds (PLANPILOT_TEST=1) differ in one thing only: host access to
// 127.0.0.1, granted at install, so fixture consoles served locally are read
// as the real hosts would be. The shipped manifest keeps console hosts optional.
const testBuild = process.env.PLANPILOT_TEST === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  manifest: ({ browser, command }) => ({
    name: 'Planpilot',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    // Each permission and why: README.md, "Security and privacy". Files are saved with a link's `download`, no permission.
    permissions: ['storage', 'alarms', 'scripting', 'activeTab', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: testBuild ? TEST_HOSTS : [],
    // Firefox's build is MV2, where optional hosts are listed among optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: ALL_CONSOLE_HOSTS } : { optional_host_permissions: ALL_CONSOLE_HOSTS }),
    // Our own scripts only (no eval, no remote code), no plugins, no <base> or form posts; in a build, our pages
    // may fetch nothing but their own files (the dev server's live reload needs more while developing).
    content_security_policy: {
      extension_pages: [
        "script-src 'self'",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        ...(command === 'build' ? ["connect-src 'self'"] : []),
      ].join('; '),
    },
    // The side panel (Chromium) / sidebar (Firefox) comes from entrypoints/sidepanel.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Nothing is collected: every figure stays in the browser unless the user exports it.
            gecko: { id: 'planpilot@planpilot.app', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
    action: { default_title: 'Planpilot' },
  }),
});
