/**
 * Keys that appear twice in one JSON object. `JSON.parse` keeps the last and
 * drops the first without a word; a scenario file with `"name"` twice in a
 * person is ambiguous, so each is named with its path. Expects text that
 * `JSON.parse` has already accepted; stops after `limit` findings.
 */
import { formatPath, type Problem } from './validate';

export function duplicateKeyProblems(text: string, limit = 50): Problem[] {
  const problems: Problem[] = [];
  // One frame per open object or array: the keys seen (objects) or the next index (arrays).
  const stack: ({ kind: 'object'; keys: Set<string>; key: string | null } | { kind: 'array'; index: number })[] = [];
  const pathNow = (): PropertyKey[] => stack.map((f) => (f.kind === 'object' ? (f.key ?? '') : f.index));
  let expectKey = false;
  for (let i = 0; i < text.length && problems.length < limit; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c ? 2 : 1;
      const top = stack[stack.length - 1];
      if (expectKey && top?.kind === 'object') {
        const raw = text.slice(i + 1, j);
        const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
        if (top.keys.has(key)) {
          top.key = key;
          problems.push({ path: formatPath(pathNow()), message: `"${key}" appears twice in the same object; only one value can be kept, so the file is not opened: remove one` });
        }
        top.keys.add(key);
        top.key = key;
        expectKey = false;
      }
      i = j;
    } else if (c === 0x7b /* { */) {
      stack.push({ kind: 'object', keys: new Set(), key: null });
      expectKey = true;
    } else if (c === 0x5b /* [ */) {
      stack.push({ kind: 'array', index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.kind === 'object') expectKey = true;
      else if (top) top.index++;
    }
  }
  return problems;
}
