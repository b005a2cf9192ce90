import type { IconName } from '../ui/icons';

export interface ScreenInfo {
  id: IconName;
  path: string;
  label: string;
}

/** The navigation, in the order staff use it through a day. */
export const SCREENS: readonly ScreenInfo[] = [
  { id: 'treat', path: '/treat', label: 'Treat' },
  { id: 'receive', path: '/receive', label: 'Receive' },
  { id: 'count', path: '/count', label: 'Count' },
  { id: 'stock', path: '/stock', label: 'Stock' },
  { id: 'reports', path: '/reports', label: 'Reports' },
  { id: 'settings', path: '/settings', label: 'Settings' },
];
