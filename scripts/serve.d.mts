// Types for scripts/serve.mjs (imported from TypeScript by tests/e2e/fixtures.ts).

export declare const REPO_ROOT: string;
export declare const PAGES_DIR: string;

export interface ServedRequest {
  method: string;
  /** path and query as received, e.g. `/places.html?x=1` */
  url: string;
  /** Host header, e.g. `127.0.0.1:4711` or `localhost:4712` */
  host: string;
  /** local port that received it */
  port: number;
  time: number;
  status: number;
}

export interface StaticServer {
  root: string;
  host: string;
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** every origin this server answers on (primary, cross-origin, cross-site, localhost:primary) */
  origins: string[];
  /** `http://127.0.0.1:PORT2`: same site, different origin (null when secondOrigin: false) */
  crossOrigin: string | null;
  /** `http://localhost:PORT2`: different site, so iframes get their own process */
  crossSite: string | null;
  url(path?: string): string;
  crossOriginUrl(path?: string): string;
  crossSiteUrl(path?: string): string;
  /** every request received on any port, in order */
  requests: ServedRequest[];
  clearRequests(): void;
  /** serve `body` at `path` from memory (takes precedence over files) */
  route(path: string, body: string | Buffer, type?: string, headers?: Record<string, string>): void;
  unroute(path: string): void;
  close(): Promise<void>;
}

export interface StartServerOptions {
  /** directory to serve; default tests/e2e/pages */
  root?: string;
  /** default 127.0.0.1 */
  host?: string;
  /** default 0 (random) */
  port?: number;
  /** also listen on a second random port for cross-origin tests; default true */
  secondOrigin?: boolean;
  /** default true */
  quiet?: boolean;
}

export declare function startServer(options?: StartServerOptions): Promise<StaticServer>;
