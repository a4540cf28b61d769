// Types for scripts/browser.mjs (imported from TypeScript by tests/e2e/fixtures.ts).
import type { BrowserContext, BrowserType, LaunchOptions, Worker } from '@playwright/test';

export type UiLocale = 'en' | 'nb';

export declare const DEFAULT_EXTENSION_PATH: string;
export declare function chromiumPath(): string;
export declare function extensionPath(): string;
export declare function assertExtensionBuilt(extPath?: string): Record<string, unknown>;
export declare function assertChromium(executable?: string): void;
export declare function missingLocaleWarning(uiLocale: string, executable?: string): string | null;
export declare function localeSettings(uiLocale?: UiLocale): {
  args: string[];
  env: Record<string, string>;
  locale: string;
  timezoneId: string;
};
export declare function chromiumArgs(options?: { extension?: string; uiLocale?: UiLocale; extra?: string[] }): string[];

export interface LaunchExtensionOptions {
  /** unpacked extension directory; false = launch without any extension */
  extension?: string | false;
  uiLocale?: UiLocale;
  headless?: boolean;
  /** '' (default) = fresh temporary profile */
  userDataDir?: string;
  args?: string[];
  proxy?: LaunchOptions['proxy'];
  contextOptions?: Parameters<BrowserType['launchPersistentContext']>[1];
}
export declare function launchExtensionContext(chromium: BrowserType, options?: LaunchExtensionOptions): Promise<BrowserContext>;
export declare function extensionIdFromUrl(url: string): string;
export declare function findServiceWorker(context: BrowserContext, timeout?: number): Promise<Worker>;

export interface ProxiedRequest {
  method: string;
  /** absolute URL (plain HTTP) or host:port (CONNECT, i.e. HTTPS/WSS) */
  target: string;
  host: string;
  time: number;
}
export interface BlackholeProxy {
  /** `http://127.0.0.1:PORT`, for the `proxy.server` launch option */
  server: string;
  log: ProxiedRequest[];
  close(): Promise<void>;
}
export declare function startBlackholeProxy(): Promise<BlackholeProxy>;
export declare const BROWSER_BACKGROUND_HOSTS: RegExp[];
export declare function tempProfileDir(prefix?: string): string;
export declare function removeDir(dir: string): void;
