/**
 * The HTTP hardening buildApp applies (SPEC [SEC4]-[SEC9]): timeouts and the connection cap, TLS
 * from certificate files, security headers (@fastify/helmet) with a CSP the built PWA runs under,
 * the rate-limit plugin (its limiters are made in routes/sync.ts), and log URL redaction.
 */
import { readFileSync } from 'node:fs';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config';
import { SERVER_DEFAULTS } from './config';

/** The hardening settings buildApp reads; each falls back to SERVER_DEFAULTS. */
export type HardeningConfig = Partial<
  Pick<
    Config,
    | 'requestTimeoutMs'
    | 'connectionTimeoutMs'
    | 'keepAliveTimeoutMs'
    | 'maxConnections'
    | 'enrollRateLimit'
    | 'adminRateLimit'
    | 'tls'
  >
>;

/**
 * The Content-Security-Policy of the served PWA, checked against `vite build` output:
 * - scripts, styles, the decoder worker (`new Worker(new URL('/assets/decoder.worker-….js'))`) and
 *   the service worker are same-origin files: 'self', no 'unsafe-inline' and no blob: workers;
 * - zxing-wasm compiles its .wasm (same origin) with WebAssembly.instantiateStreaming, which needs
 *   'wasm-unsafe-eval' (not 'unsafe-eval': JavaScript eval stays forbidden);
 * - the scan beep is an <audio> element on a blob: URL (src/scan/feedback.ts): media-src blob:;
 * - React sets style attributes through the DOM (element.style), which CSP does not block;
 * - the API and the event stream are this origin: connect-src 'self'.
 * upgrade-insecure-requests only over TLS: on a plain-http LAN server it would break every request.
 */
export function contentSecurityPolicy(tls: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'"],
    'style-src': ["'self'"],
    'img-src': ["'self'", 'data:'],
    'media-src': ["'self'", 'blob:'],
    'connect-src': ["'self'"],
    'font-src': ["'self'"],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'upgrade-insecure-requests': tls ? [] : null,
  };
}

/** Fastify constructor options for timeouts and TLS ([SEC5], [SEC9]). */
export function serverOptions(config: HardeningConfig) {
  const requestTimeout = config.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs;
  // Node checks request deadlines on this period (30 s by default): keep it well under the timeout,
  // or a slow client outlives its deadline by up to 30 s.
  const nodeHttp = {
    connectionsCheckingInterval: Math.max(100, Math.min(1_000, Math.floor(requestTimeout / 4))),
    headersTimeout: requestTimeout,
    requestTimeout,
  };
  const tls = config.tls
    ? {
        https: {
          ...nodeHttp,
          cert: readFileSync(config.tls.certFile),
          key: readFileSync(config.tls.keyFile),
        },
      }
    : { http: nodeHttp };
  return {
    ...tls,
    requestTimeout,
    connectionTimeout: config.connectionTimeoutMs ?? SERVER_DEFAULTS.connectionTimeoutMs,
    keepAliveTimeout: config.keepAliveTimeoutMs ?? SERVER_DEFAULTS.keepAliveTimeoutMs,
  };
}

/** Registers headers and the rate-limit plugin; call before any route. */
export async function registerSecurity(app: FastifyInstance, config: HardeningConfig): Promise<void> {
  app.server.maxConnections = config.maxConnections ?? SERVER_DEFAULTS.maxConnections;
  const tls = config.tls != null;
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(tls) },
    frameguard: { action: 'deny' },
    // HSTS over plain HTTP is ignored at best; sent only when this server terminates TLS.
    strictTransportSecurity: tls ? { maxAge: 31_536_000, includeSubDomains: true } : false,
  });
  // Not global: routes/sync.ts hooks limiters onto enrollment and the admin routes only.
  await app.register(fastifyRateLimit, { global: false });
}

/** The query parameter names whose values never reach the logs, compared decoded and lower-cased. */
const SECRET_PARAMS = new Set(['access_token']);

/** "%5F" → "_", then lower case; an undecodable name is compared as it is. */
function normalizedName(name: string): string {
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
}

/**
 * Request URLs as logged ([SEC8]): the value of every query parameter whose name decodes to
 * access_token (any case, any percent-encoding) is replaced.
 * Example: "/s?ACCESS%5Ftoken=abc&x=1" → "/s?ACCESS%5Ftoken=[redacted]&x=1".
 */
export function redactUrl(url: string): string {
  const q = url.indexOf('?');
  if (q === -1) return url;
  const params = url
    .slice(q + 1)
    .split('&')
    .map((pair) => {
      const eq = pair.indexOf('=');
      const name = eq === -1 ? pair : pair.slice(0, eq);
      return SECRET_PARAMS.has(normalizedName(name)) ? `${name}=[redacted]` : pair;
    });
  return `${url.slice(0, q + 1)}${params.join('&')}`;
}
