import { create } from 'zustand';

/** Whether the keyboard shortcut sheet is open (session state, never saved). */
export const useShortcutSheet = create<{ open: boolean; close(): void }>()((set) => ({
  open: false,
  close: () => set({ open: false }),
}));

export const openShortcutSheet = () => useShortcutSheet.setState({ open: true });
