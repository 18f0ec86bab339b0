import { useEffect, useMemo, useState } from 'react';
import type { HostApi, HostInfo } from '../../../electron/api/contract';
import { createFileActions } from '../files/fileActions';
import { answerLiveWindowPings, orphanedRecords } from '../files/liveWindows';
import { useAutosave } from '../files/useAutosave';
import { createHost } from '../host/createHost';
import { useResultsFollowDocument } from '../runs/keptResults';
import { useDocumentStore } from '../state/documentStore';
import { useSessionStore } from '../state/sessionStore';
import { AppShell } from '../shell/AppShell';
import { StartupError } from '../shell/StartupError';
import { AppServicesContext, type AppServices } from './AppServices';
import { useCommandRunner } from './useCommandRunner';

type Boot = { state: 'loading' } | { state: 'error'; message: string } | { state: 'ready'; info: HostInfo };

/** Finds the host, asks what it is, then shows the application shell. */
export function App() {
  const [host] = useState(createHost);
  if ('error' in host) return <StartupError message={host.error} />;
  return <Booting host={host} />;
}

function Booting({ host }: { host: HostApi }) {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  useEffect(() => {
    host.info().then(
      (info) => setBoot({ state: 'ready', info }),
      (err: unknown) => setBoot({ state: 'error', message: err instanceof Error ? err.message : String(err) }),
    );
  }, [host]);
  if (boot.state === 'loading') return null;
  if (boot.state === 'error') return <StartupError message={boot.message} />;
  return <ReadyApp host={host} info={boot.info} />;
}

function ReadyApp({ host, info }: { host: HostApi; info: HostInfo }) {
  const files = useMemo(
    () => createFileActions({ host, info, documents: useDocumentStore, session: useSessionStore.getState }),
    [host, info],
  );
  const run = useCommandRunner(files);
  const services: AppServices = useMemo(() => ({ host, info, files, run }), [host, info, files, run]);

  useAutosave(host);
  useResultsFollowDocument(host);
  useEffect(() => {
    const stop = answerLiveWindowPings();
    host
      .listRecovery()
      .then(orphanedRecords)
      .then(
        (records) => records.length > 0 && useSessionStore.getState().openDialog({ kind: 'recover', records }),
        () => undefined,
      );
    return stop;
  }, [host]);

  useEffect(
    () =>
      host.onMenuCommand((message) => {
        if (message.command === 'file.openRecent') files.openRecent(message.path);
        else run(message.command);
      }),
    [host, files, run],
  );

  return (
    <AppServicesContext.Provider value={services}>
      <AppShell />
    </AppServicesContext.Provider>
  );
}
