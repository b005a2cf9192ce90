import { createContext, useContext, type ReactNode } from 'react';
import type { ChairsideDatabase } from '../db/collections';

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
