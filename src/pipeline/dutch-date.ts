// Dates as printed in the documents ("10 september 2021") to ISO (2021-09-10).
const months = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** ISO date of a Dutch written date, or null when it is not one (unknown stays unknown). */
export function parseDutchDate(text: string): string | null {
  const match = /(\d{1,2})\s+([a-z]+)\s+(\d{4})/i.exec(text);
  if (!match) return null;
  const [, day, monthName, year] = match as unknown as [string, string, string, string];
  const month = months.indexOf(monthName.toLowerCase()) + 1;
  const dayNumber = Number(day);
  if (month === 0 || dayNumber < 1 || dayNumber > 31) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(dayNumber).padStart(2, '0')}`;
}
