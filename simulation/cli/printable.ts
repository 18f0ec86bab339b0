/**
 * Text made safe to print to a terminal: control characters (C0 but the line
 * break, DEL, C1, and the bidirectional overrides that reorder what is shown)
 * are removed, so a name in a scenario cannot move the cursor, change colours,
 * set the window title or hide text. A tab becomes a space.
 */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\t/g, ' ').replace(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '');
}
