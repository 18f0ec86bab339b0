/**
 * A text cell for a CSV file that a spreadsheet will open, neutralised as
 * OWASP recommends against formula injection: text that starts with `=`, `+`,
 * `-`, `@`, a tab or a carriage return (or their full-width forms, which some
 * spreadsheets also read as formulas) gets a leading `'`, so the spreadsheet
 * shows it as text instead of running it. Only text goes through here:
 * numbers are written as they are, so a negative number stays a number.
 */
export function csvText(value: string): string {
  return /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(value) ? `'${value}` : value;
}
