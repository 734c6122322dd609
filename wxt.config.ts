import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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
  manifestVersion: 3,
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: ({ mode, browser }) => ({
    name: '__MSG_extensionName__',
    description: '__MSG_extensionDescription__',
    default_locale: 'en',
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    host_permissions: [
      'https://thalamus.nerds.nl/*',
      ...(mode === 'test' ? TEST_HOST_PERMISSIONS : []),
    ],
    // A Thalamus base URL on another origin is requested at save time on the options page.
    optional_host_permissions: ['https://*/*', 'http://127.0.0.1/*', 'http://localhost/*'],
    action: {
      default_title: '__MSG_actionTitle__',
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'send-to-thalamus@nerds.nl',
              strict_min_version: '128.0',
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  zip: {
    excludeSources: ['.output/**', 'test-results/**', 'playwright-report/**', '.wxt/**', 'node_modules/**'],
  },
});
