import { defineConfig } from 'wxt';

// Test builds (PLANPILOT_TEST=1) differ in one thing only: host access to
// 127.0.0.1, granted at install, so fixture consoles served locally are read
// as the real hosts would be. The shipped manifest keeps console hosts optional.
const testBuild = process.env.PLANPILOT_TEST === '1';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  outDirTemplate: testBuild ? '{{browser}}-mv{{manifestVersion}}-test' : undefined,
  manifest: ({ browser }) => ({
    name: 'Planpilot',
    description: '__MSG_extDescription__',
    default_locale: 'fr',
    permissions: ['storage', 'alarms', 'downloads', ...(browser === 'firefox' ? [] : ['sidePanel'])],
    host_permissions: testBuild ? ['http://127.0.0.1/*'] : [],
    optional_host_permissions: CONSOLE_HOSTS,
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox'
      ? {
          sidebar_action: { default_panel: 'sidepanel.html', default_title: 'Planpilot' },
          browser_specific_settings: { gecko: { id: 'planpilot@planpilot.app', strict_min_version: '128.0' } },
        }
      : { side_panel: { default_path: 'sidepanel.html' } }),
    action: { default_title: 'Planpilot' },
  }),
});

// The consoles Planpilot reads. Host access is optional and asked per console.
export const CONSOLE_HOSTS = [
  'https://ads.google.com/*',
  'https://adsmanager.facebook.com/*',
  'https://business.facebook.com/*',
  'https://ui.ads.microsoft.com/*',
  'https://www.linkedin.com/campaignmanager/*',
  'https://ads.tiktok.com/*',
  'https://*.admin.mailchimp.com/*',
  'https://app.brevo.com/*',
  'https://www.klaviyo.com/*',
];
