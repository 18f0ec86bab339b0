import { createContext, useContext } from 'react';
import type { HostApi, HostInfo } from '../../../electron/api/contract';
import type { FileActions } from '../files/fileActions';

/** What every part of the UI may use: the host, what it is, and the file actions. */
export interface AppServices {
  host: HostApi;
  info: HostInfo;
  files: FileActions;
  /** Runs an app command (from a menu, a button or a shortcut). */
  run(command: AppCommand): void;
}

export type AppCommand =
  | 'file.new'
  | 'file.open'
  | 'file.save'
  | 'file.saveAs'
  | 'file.export'
  | 'file.importOrg'
  | 'edit.undo'
  | 'edit.redo'
  | 'view.toggleTheme'
  | 'help.about';

export const AppServicesContext = createContext<AppServices | null>(null);

export function useAppServices(): AppServices {
  const services = useContext(AppServicesContext);
  if (!services) throw new Error('useAppServices must be used inside <AppServicesContext>');
  return services;
}
