/**
 * Who is using the shared tablet right now. Kept in sessionStorage so a reload keeps the person
 * signed in, while a new tab or a closed browser starts locked. Idle for IDLE_LOCK_MS → locked.
 */
import { create } from 'zustand';
import type { Role } from '../domain/model';

export const IDLE_LOCK_MS = 10 * 60 * 1000;
const KEY = 'chairside.session';

export interface SessionStaff {
  id: string;
  name: string;
  role: Role;
}

interface SessionState {
  staff: SessionStaff | null;
  lastActiveMs: number;
  signIn: (staff: SessionStaff, nowMs: number) => void;
  touch: (nowMs: number) => void;
  signOut: () => void;
}

function restore(): { staff: SessionStaff | null; lastActiveMs: number } {
  try {
    const raw = typeof sessionStorage === 'undefined' ? null : sessionStorage.getItem(KEY);
    if (raw) return JSON.parse(raw) as { staff: SessionStaff; lastActiveMs: number };
  } catch {
    // A corrupt entry just means nobody is signed in.
  }
  return { staff: null, lastActiveMs: 0 };
}

function persist(staff: SessionStaff | null, lastActiveMs: number): void {
  if (typeof sessionStorage === 'undefined') return;
  if (staff) sessionStorage.setItem(KEY, JSON.stringify({ staff, lastActiveMs }));
  else sessionStorage.removeItem(KEY);
}

export const useSession = create<SessionState>((set) => ({
  ...restore(),
  signIn: (staff, nowMs) => {
    persist(staff, nowMs);
    set({ staff, lastActiveMs: nowMs });
  },
  touch: (nowMs) =>
    set((s) => {
      if (s.staff) persist(s.staff, nowMs);
      return { lastActiveMs: nowMs };
    }),
  signOut: () => {
    persist(null, 0);
    set({ staff: null, lastActiveMs: 0 });
  },
}));

/** The signed-in person, or null when nobody is or the session has idled out. */
export function activeStaff(
  state: Pick<SessionState, 'staff' | 'lastActiveMs'>,
  nowMs: number,
): SessionStaff | null {
  if (!state.staff) return null;
  return nowMs - state.lastActiveMs > IDLE_LOCK_MS ? null : state.staff;
}
