import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { stripPreactInnerHtml } from './scripts/vite/strip-preact-inner-html';

// The test build (`wxt build --mode test`) may reach the sandbox and its sample pages without
// the activeTab grant, which automated tests cannot produce. The webmail and LinkedIn hosts are
// there because tests serve sample pages at those addresses, so that site detection runs as in
// production. The production build has none of these.
const TEST_HOST_PERMISSIONS = [
  'http://127.0.0.1/*',
  'http://localhost/*',
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.live.com/*',
  'https://www.linkedin.com/*',
];

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Firefox also gets MV3, with an event page in place of the service worker. It has the same
  // `action`, `scripting` and `optional_host_permissions` keys as Chromium, so both builds share
  // one manifest and one code path. From Firefox 127, MV3 `host_permissions` are required
  // permissions shown in the install prompt (MDN, manifest.json/host_permissions).
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact(), stripPreactInnerHtml()],
  }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus', 'alarms', 'notifications'],
    host_permissions: [
      'https://thalamus.nerds.nl/*',
      ...(mode === 'test' ? TEST_HOST_PERMISSIONS : []),
    ],
    // A Thalamus base URL on another origin is requested at save time on the options page.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: {
      default_title: '__MSG_actionTitle__',
    },
    // Alt+Shift+T is avoided because Chromium uses it to focus the toolbar on Windows and Linux.
    // Users can reassign both shortcuts, and the options page shows the current keys.
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenReview__',
      },
      'capture-selection': {
        suggested_key: { default: 'Alt+Shift+J' },
        description: '__MSG_commandCaptureSelection__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'send-to-thalamus@nerds.nl',
              // 140 is the first version (an ESR) that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // Firefox for Android reads data_collection_permissions from 142. It is not a target
            // (it has no contextMenus or commands API), but web-ext lint checks the key against it.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  // WXT already leaves dotfiles, node_modules, the output folder and *.test/*.spec files out of
  // the sources zip that Mozilla reviews. These are the other local outputs.
  zip: {
    excludeSources: [
      '.output/**',
      'test-results/**',
      'playwright-report/**',
      'start-output/**',
      'bench-output/**',
      '.wxt/**',
      'node_modules/**',
      '**/*.log',
    ],
  },
});
