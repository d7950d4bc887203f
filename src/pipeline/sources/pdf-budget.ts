// Kept apart from pdf.ts so that reading the settings (src/config.ts) does not load pdf.js.
/** Time one PDF may take to read; a crafted one could keep pdf.js busy for minutes. */
export const PDF_TIME_BUDGET_MS = 60_000;
