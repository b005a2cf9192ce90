// Stands in for vite-plugin-pwa's virtual module under vitest (jsdom has no service worker);
// component tests vi.mock it. The real module is exercised by the Chromium tests.
export function useRegisterSW(): never {
  throw new Error('virtual:pwa-register/react is only available in the PWA build; mock it in tests');
}
