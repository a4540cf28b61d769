import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({
    plugins: [preact()],
  }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', 'sidePanel', 'alarms', 'tabs', 'scripting', 'clipboardWrite'],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    commands: {
      'next-blocked': {
        suggested_key: { default: 'Alt+Shift+B' },
        description: '__MSG_commandNextBlocked__',
      },
      'open-side-panel': {
        suggested_key: { default: 'Alt+Shift+K' },
        description: '__MSG_commandOpenSidePanel__',
      },
    },
  },
});
