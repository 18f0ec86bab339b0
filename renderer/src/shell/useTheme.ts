import { useEffect } from 'react';
import { useSessionStore } from '../state/sessionStore';

/**
 * Keeps <html data-theme> in step with the user's choice, and
 * data-resolved-theme with what is actually shown (the OS decides for 'system').
 */
export function useTheme(): void {
  const theme = useSessionStore((s) => s.theme);
  useEffect(() => {
    const root = document.documentElement;
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const update = () => {
      if (theme === 'system') delete root.dataset.theme;
      else root.dataset.theme = theme;
      root.dataset.resolvedTheme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    update();
    media.addEventListener('change', update);
    return () => media.removeEventListener('change', update);
  }, [theme]);
}
