/// <reference types="vite/client" />
/// <reference types="vite-plugin-pwa/react" />

/** The package.json version, injected at build time by vite.config.ts. */
declare const __APP_VERSION__: string;
