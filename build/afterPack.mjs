// The electron-builder afterPack hook (see electron-builder.yml): flips the
// Electron fuses of the packaged executable before it is signed. Types are in
// afterPack.d.mts; the unit tests check the list (test/unit/build/).
import { flipFuses, FuseV1Options, FuseVersion } from '@electron/fuses';
import path from 'node:path';

/**
 * The fuses every packaged Handoff has, following Electron's security
 * checklist: it cannot be run as plain Node (ELECTRON_RUN_AS_NODE), ignores
 * NODE_OPTIONS and --inspect, encrypts its cookie store, and loads its code
 * only from app.asar, checked against the hash the build embeds (macOS and
 * Windows check it; Linux has no such check). Fuses not named keep Electron's
 * default (file:// keeps its privileges: PDF printing loads a temporary file).
 */
export const HANDOFF_FUSES = Object.freeze({
  [FuseV1Options.RunAsNode]: false,
  [FuseV1Options.EnableCookieEncryption]: true,
  [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
  [FuseV1Options.EnableNodeCliInspectArguments]: false,
  [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
  [FuseV1Options.OnlyLoadAppFromAsar]: true,
});

/**
 * The fuse configuration for one platform. macOS executables are signed again
 * ad hoc after the flip (an Apple Silicon binary whose signature no longer
 * matches does not start; a real signature, if configured, replaces it).
 * @param {string} electronPlatformName
 */
export function fuseConfigFor(electronPlatformName) {
  const darwin = electronPlatformName === 'darwin' || electronPlatformName === 'mas';
  return { version: FuseVersion.V1, resetAdHocDarwinSignature: darwin, ...HANDOFF_FUSES };
}

/**
 * Where the packaged Electron executable is: `<out>/<Product>.app` (macOS),
 * `<out>/<Product>.exe` (Windows), `<out>/<executableName>` (Linux).
 * @param {{ appOutDir: string, electronPlatformName: string, productFilename: string, linuxExecutableName?: string }} where
 */
export function packagedExecutable({ appOutDir, electronPlatformName, productFilename, linuxExecutableName }) {
  switch (electronPlatformName) {
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${productFilename}.app`);
    case 'win32':
      return path.join(appOutDir, `${productFilename}.exe`);
    case 'linux':
      return path.join(appOutDir, linuxExecutableName ?? productFilename);
    default:
      throw new Error(`afterPack: cannot flip fuses for platform "${electronPlatformName}" (expected darwin, mas, win32 or linux)`);
  }
}

/**
 * electron-builder calls this after packing each platform and architecture,
 * before signing. A failure stops the build: an app without its fuses must not ship.
 * @param {import('./afterPack.d.mts').AfterPackContext} context
 */
export default async function afterPack(context) {
  const executable = packagedExecutable({
    appOutDir: context.appOutDir,
    electronPlatformName: context.electronPlatformName,
    productFilename: context.packager.appInfo.productFilename,
    linuxExecutableName: context.packager.executableName,
  });
  await flipFuses(executable, fuseConfigFor(context.electronPlatformName));
}
