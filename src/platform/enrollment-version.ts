import { create } from 'zustand';

/**
 * Bumped when Settings enrolls or disconnects the tablet, so the shell's running sync restarts.
 * It lives below both: the settings screen bumps it, the shell (useSync) listens.
 */
export const useEnrollmentVersion = create<{ version: number; bump: () => void }>((set) => ({
  version: 0,
  bump: () => set((s) => ({ version: s.version + 1 })),
}));
