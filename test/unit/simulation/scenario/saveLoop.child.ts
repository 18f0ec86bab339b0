/**
 * Child process for crashSafeSave.test.ts (bundled by the test, then run by
 * Node): saves two scenario texts to the same file with the app's real
 * writeFileAtomic, alternately, for ever, until the test kills it. Writes
 * `ready` on stdout once the first save is complete.
 *
 * Usage: node saveLoop.mjs <target> <file with text A> <file with text B>
 */
import { readFileSync } from 'node:fs';
import { writeFileAtomic } from '../../../../electron/node/atomicWrite';

const [target, fileA, fileB] = process.argv.slice(2);
if (!target || !fileA || !fileB) throw new Error('usage: saveLoop <target> <a> <b>');
const texts = [readFileSync(fileA, 'utf8'), readFileSync(fileB, 'utf8')];
for (let n = 0; ; n++) {
  await writeFileAtomic(target, texts[n % 2]!);
  if (n === 0) process.stdout.write('ready\n');
}
