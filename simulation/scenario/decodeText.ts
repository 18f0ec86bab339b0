/**
 * A text file's bytes as text: UTF-16 (little or big endian) where the file
 * starts with its byte-order mark, as some Windows editors save JSON, else
 * UTF-8. Byte-order marks at the start are dropped.
 */
export function decodeText(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF+/, '');
}
