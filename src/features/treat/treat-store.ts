/**
 * The visit being worked on, per browser tab. Kept in sessionStorage so a reload (or the app
 * being killed by the OS) brings the injector back to the same visit; the visit itself and its
 * draws are in the local database.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

interface TreatState {
  visitId: string | null;
  productId: string | null;
  openVisit: (visitId: string) => void;
  chooseProduct: (productId: string | null) => void;
  closeVisit: () => void;
}

export const useTreat = create<TreatState>()(
  persist(
    (set) => ({
      visitId: null,
      productId: null,
      openVisit: (visitId) => set({ visitId, productId: null }),
      chooseProduct: (productId) => set({ productId }),
      closeVisit: () => set({ visitId: null, productId: null }),
    }),
    { name: 'chairside.treat', storage: createJSONStorage(() => sessionStorage) },
  ),
);
