import { create } from 'zustand';

/** The "What changes" panel (session state): open or not, and what the shown model is compared with (null: the base). */
export const usePlanStore = create<{ open: boolean; against: string | null; toggle(): void; close(): void; setAgainst(id: string | null): void }>()((set) => ({
  open: false,
  against: null,
  toggle: () => set((s) => ({ open: !s.open })),
  close: () => set({ open: false }),
  setAgainst: (against) => set({ against }),
}));
