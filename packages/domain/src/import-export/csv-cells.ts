// Spreadsheet formula injection (CSV injection): a cell starting with = + - @ (or a tab or carriage
// return) is run as a formula by Excel and LibreOffice. Exported text cells that start so are
// prefixed with an apostrophe, which spreadsheets show as text; the import removes that one
// apostrophe again, so an exported post imports back unchanged. Cells that already start with
// apostrophes before such a character get one more, which keeps the round trip exact.
const NEEDS_GUARD = /^'*[=+\-@\t\r]/;

export function guardCell(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value;
}

export function unguardCell(value: string): string {
  return value.startsWith("'") && NEEDS_GUARD.test(value.slice(1)) ? value.slice(1) : value;
}
