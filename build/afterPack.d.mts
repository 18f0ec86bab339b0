import type { FuseV1Config, FuseV1Options } from '@electron/fuses';

/** The part of electron-builder's AfterPackContext the hook reads. */
export interface AfterPackContext {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
}

export declare const HANDOFF_FUSES: Readonly<Partial<Record<FuseV1Options, boolean>>>;
export declare function fuseConfigFor(electronPlatformName: string): FuseV1Config;
export declare function packagedExecutable(where: { appOutDir: string; electronPlatformName: string; productFilename: string; linuxExecutableName?: string }): string;
export default function afterPack(context: AfterPackContext): Promise<void>;
