// Bundles the command-line tools into plain JavaScript in out/cli/, so
// `npm run simulate` and `npm run bench` run without tsx's loader (which
// slows start-up and wraps functions). The pool finds out/cli/worker.js
// beside the entry that uses it. Usage: node scripts/build-cli.mjs
import { build } from 'esbuild';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

await build({
  absWorkingDir: root,
  entryPoints: {
    main: 'simulation/cli/main.ts',
    worker: 'simulation/cli/worker.ts',
    bench: 'simulation/bench/run.ts',
    validate: 'simulation/cli/validate.ts',
    importOrg: 'simulation/cli/importOrg.ts',
  },
  outdir: 'out/cli',
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  // CommonJS dependencies bundled into ESM (yaml's Node build) call require() for Node's own modules.
  banner: { js: "import { createRequire as __cliCreateRequire } from 'node:module'; const require = __cliCreateRequire(import.meta.url);" },
});
