// CSV injection (OWASP): a spreadsheet reads a cell that starts with =, +, -, @, a tab or a carriage
// return as a formula. Such text cells get a leading apostrophe, which shows the text as it is.
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
