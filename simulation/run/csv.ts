/** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Rows to CSV text with CRLF line ends, as RFC 4180 and spreadsheet programs expect. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n';
}
