/**
 * The visit being worked on, per browser tab. Kept in sessionStorage so a reload (or the app
 * being killed by the OS) brings the injector back to the same visit; the visit itself and its
 * draws are in the local database.
 */
import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/** One draw a treatment template pre-fills, waiting for the injector's confirmation ([TT2]). */
export interface QueuedLine {
  /** Unique per pick of a template: the same template picked twice queues its lines twice. */
  id: string;
  templateName: string;
  productId: string;
  /** What the template charts, base-unit thousandths. */
  chartedMilli: number;
}

interface TreatState {
  visitId: string | null;
  /** Who opened the visit in this tab: after a switch the next person starts at the visit list. */
  ownerId: string | null;
  productId: string | null;
  /** The picked template's draws not yet recorded or skipped, in order; the first is pre-filled. */
  queue: QueuedLine[];
  openVisit: (visitId: string, ownerId: string) => void;
  chooseProduct: (productId: string | null) => void;
  closeVisit: () => void;
  /** Replaces the queue with a template's lines and chooses the first one's product. */
  queueTemplate: (lines: QueuedLine[]) => void;
  /** Drops a line (recorded or skipped) and chooses the next one's product, if any. */
  finishQueued: (lineId: string) => void;
  clearQueue: () => void;
}

export const useTreat = create<TreatState>()(
  persist(
    (set) => ({
      visitId: null,
      ownerId: null,
      productId: null,
      queue: [],
      openVisit: (visitId, ownerId) => set({ visitId, ownerId, productId: null, queue: [] }),
      chooseProduct: (productId) => set({ productId }),
      closeVisit: () => set({ visitId: null, ownerId: null, productId: null, queue: [] }),
      queueTemplate: (lines) => set((s) => ({ queue: lines, productId: lines[0]?.productId ?? s.productId })),
      finishQueued: (lineId) =>
        set((s) => {
          const queue = s.queue.filter((l) => l.id !== lineId);
          return { queue, productId: queue[0]?.productId ?? s.productId };
        }),
      clearQueue: () => set({ queue: [] }),
    }),
    { name: 'chairside.treat', storage: createJSONStorage(() => sessionStorage) },
  ),
);
