import { describe, expect, it } from 'vitest';
import { hostMethodArgs, MAX_TEXT_BYTES, utf8Bytes } from '../../../electron/api/contract';

describe('the size limit of a saved text, in bytes as the file will be', () => {
  it('counts UTF-8 bytes as Node encodes them, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'plain', 'é', 'Zoë → 東京', '😀 emoji', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d', 'x'.repeat(1000) + '€'.repeat(77)]) {
      expect(utf8Bytes(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
    }
  });

  it('refuses a save whose characters are within 50 million but whose file would pass 50 MB (it could not be opened again)', () => {
    const accented = 'é'.repeat(MAX_TEXT_BYTES / 2 + 10);
    const result = hostMethodArgs.writeScenario.safeParse(['/tmp/a.handoff.json', accented]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('the text is 50.0 MB as a file, larger than 50 MB');
    expect(hostMethodArgs.writeScenario.safeParse(['/tmp/a.handoff.json', 'é'.repeat(MAX_TEXT_BYTES / 2 - 10)]).success).toBe(true);
  });
});
