import { create } from 'zustand';

/** Whether the organisation import dialog is open (session state, not the document). */
export const useOrgImportStore = create<{ open: boolean; show(): void; hide(): void }>()((set) => ({
  open: false,
  show: () => set({ open: true }),
  hide: () => set({ open: false }),
}));
