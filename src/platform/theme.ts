/**
 * Theme choice is a per-device preference kept in localStorage so it applies before the first
 * paint (no bright flash in a dim treatment room). Dark is the default.
 */
export type ThemeChoice = 'dark' | 'light' | 'system';
const KEY = 'chairside.theme';

export function readTheme(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'system' ? stored : 'dark';
}

export function applyTheme(choice: ThemeChoice): void {
  const resolved =
    choice === 'system' ? (matchMedia('(prefers-color-scheme: light)').matches ? 'light' : 'dark') : choice;
  document.documentElement.dataset.theme = resolved;
}

export function saveTheme(choice: ThemeChoice): void {
  localStorage.setItem(KEY, choice);
  applyTheme(choice);
}
