import { createContext, useContext, type ReactNode } from 'react';
import type { ChairsideDatabase } from '../db/collections';

/**
 * The open database, for the shell's own wiring (sync, the pending count). Screens never see it:
 * they get the data facade (src/platform/DataContext.tsx) and cannot import src/app (SPEC [ARCH5]).
 */
export interface LocalContext {
  db: ChairsideDatabase;
  deviceId: string;
}

const Context = createContext<LocalContext | null>(null);

export function DatabaseProvider({ value, children }: { value: LocalContext; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The open local database; the app renders only after it has opened, so this never waits. */
export function useLocal(): LocalContext {
  const value = useContext(Context);
  if (!value) throw new Error('useLocal must be used inside <DatabaseProvider>');
  return value;
}
