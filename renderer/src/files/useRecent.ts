import { useEffect, useState } from 'react';
import type { RecentEntry } from '../../../electron/api/contract';
import { useAppServices } from '../app/AppServices';

/** The host's recent files (only those still on disk), reloaded when `key` changes. */
export function useRecent(key: unknown): RecentEntry[] {
  const { host } = useAppServices();
  const [recent, setRecent] = useState<RecentEntry[]>([]);
  useEffect(() => {
    let live = true;
    host.listRecent().then(
      (list) => live && setRecent(list.filter((r) => r.exists)),
      () => live && setRecent([]),
    );
    return () => {
      live = false;
    };
  }, [host, key]);
  return recent;
}
