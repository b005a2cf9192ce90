import { createContext, useContext, type ReactNode } from 'react';
import type { ChairsideData } from './data';

const Context = createContext<ChairsideData | null>(null);

export function DataProvider({ value, children }: { value: ChairsideData; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The data facade over the open local database; the app renders only after it opened. */
export function useData(): ChairsideData {
  const value = useContext(Context);
  if (!value) throw new Error('useData must be used inside <DataProvider>');
  return value;
}
