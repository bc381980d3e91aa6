/**
 * A case number for a case made on the laptop, offline too: the year and a random five-digit
 * number (the archive gives the case its journal reference when it is filed).
 */
export const newCaseNumber = (at: string): string => `${at.slice(0, 4)}/${String(10_000 + Math.floor(Math.random() * 90_000))}`;
