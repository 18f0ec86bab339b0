import os from 'node:os';
import path from 'node:path';

/** Where the web host keeps recent files and recovery records by default. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HANDOFF_DATA_DIR) return path.resolve(env.HANDOFF_DATA_DIR);
  if (process.platform === 'win32' && env.APPDATA) return path.join(env.APPDATA, 'Handoff');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'Handoff');
  return path.join(env.XDG_DATA_HOME || path.join(os.homedir(), '.local', 'share'), 'handoff');
}

/** The folder scenarios are saved in by default. */
export function defaultScenarioDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.HANDOFF_SCENARIO_DIR) return path.resolve(env.HANDOFF_SCENARIO_DIR);
  return path.join(os.homedir(), 'Handoff');
}
