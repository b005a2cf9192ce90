/**
 * The visit being worked on, per browser tab. Kept in sessionStorage so a reload (or the app
 * being killed by the OS) brings the injector back to the same visit; the visit itself and its
 * draws are in the local database.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface TreatState {
  visitId: string | null;
  /** Who opened the visit in this tab: after a switch the next person starts at the visit list. */
  ownerId: string | null;
  productId: string | null;
  openVisit: (visitId: string, ownerId: string) => void;
  chooseProduct: (productId: string | null) => void;
  closeVisit: () => void;
}

export const useTreat = create<TreatState>()(
  persist(
    (set) => ({
      visitId: null,
      ownerId: null,
      productId: null,
      openVisit: (visitId, ownerId) => set({ visitId, ownerId, productId: null }),
      chooseProduct: (productId) => set({ productId }),
      closeVisit: () => set({ visitId: null, ownerId: null, productId: null }),
    }),
    { name: 'chairside.treat', storage: createJSONStorage(() => sessionStorage) },
  ),
);
