import { AppError } from '../../kernel/app-error';
import { formatIsoDate, isRealDate } from '../calendar/iso-date';
import { k1Remainder, k2IsValid, MAX_K1_REMAINDER_2032 } from './control-digits';

export const nationalIdKinds = ['fnr', 'dnr', 'hnr'] as const;
/** fnr = fødselsnummer, dnr = D-number (day + 40), hnr = H-number (month + 40). */
export type NationalIdKind = (typeof nationalIdKinds)[number];

/**
 * Synthetic test series, told apart by what is added to the month:
 * Skatteetaten's Tenor test register + 80, NAV's Dolly + 40, FS (the student system) + 50.
 */
export const syntheticSeries = ['skatteetaten', 'nav', 'fs'] as const;
export type SyntheticSeries = (typeof syntheticSeries)[number];

export const controlRules = ['classic', '2032'] as const;
/** classic: both control digits as before 2032; 2032: k1 is valid only under the 2032 rule. */
export type ControlRule = (typeof controlRules)[number];

export interface NationalId {
  /** The 11 digits, without spaces or separator. */
  value: string;
  kind: NationalIdKind;
  /** Birth date as YYYY-MM-DD (century from the individual number). */
  birthDate: string;
  synthetic: false | SyntheticSeries;
  controlRule: ControlRule;
}

export type NationalIdProblem = 'length' | 'non-digits' | 'invalid-date' | 'control-digit-1' | 'control-digit-2';

export interface ParseNationalIdOptions {
  /**
   * Month fields 41–52 are both H-numbers (production) and NAV's synthetic numbers; month fields
   * 51–52 also fit FS's +50 series (January/February). The digits cannot tell these apart, so the
   * environment decides which reading wins:
   * - omitted (production): 41–52 are H-numbers, 53–62 FS test numbers;
   * - 'nav': 41–52 are NAV synthetic numbers;
   * - 'fs': 51–52 are FS test numbers (41–50 stay H-numbers).
   * D-numbers (day + 40) with month + 40 are always NAV synthetic: there are no D-H-numbers.
   * When the preferred reading gives a date that does not exist, the other reading is tried.
   */
  testSeries?: 'nav' | 'fs';
}

interface MonthReading {
  month: number;
  kind: NationalIdKind;
  synthetic: false | SyntheticSeries;
}

function invalid(code: NationalIdProblem, message: string): AppError {
  return new AppError('validation', message, { code });
}

/** Strips spaces and one separator after the date (DDMMYY-IIIKK, DDMMYY IIIKK). */
function normalize(input: string): string {
  const compact = input.replace(/\s+/g, '');
  return /^\d{6}-\d{5}$/.test(compact) ? compact.replace('-', '') : compact;
}

/**
 * Parses a Norwegian national ID (fødselsnummer, D-number, H-number, synthetic test numbers).
 * Throws AppError('validation') whose message says what is wrong and whose details carry a
 * machine-readable `code` (NationalIdProblem). The value itself never appears in a message.
 */
export function parseNationalId(input: string, options: ParseNationalIdOptions = {}): NationalId {
  if (typeof input !== 'string') throw invalid('non-digits', 'A national ID must be given as text');
  const value = normalize(input);
  const bad = value.search(/\D/);
  if (bad >= 0) {
    throw invalid('non-digits', `A national ID may contain only digits; character ${bad + 1} is not a digit`);
  }
  if (value.length !== 11) {
    throw invalid('length', `A national ID has 11 digits; this one has ${value.length}`);
  }
  const digits = Array.from(value, Number) as number[];
  const dayField = Number(value.slice(0, 2));
  const monthField = Number(value.slice(2, 4));
  const yy = Number(value.slice(4, 6));
  const individual = Number(value.slice(6, 9));

  const isDNumber = dayField >= 41 && dayField <= 71;
  const day = isDNumber ? dayField - 40 : dayField;
  const year = birthYear(yy, individual);
  const reading = monthReadings(monthField, isDNumber, options).find((r) => isRealDate(year, r.month, day));
  if (!reading) {
    throw invalid(
      'invalid-date',
      `The birth date in the national ID does not exist (day field ${pad(dayField)}, month field ${pad(monthField)}, year ${year})`,
    );
  }

  const remainder = k1Remainder(digits);
  if (remainder > MAX_K1_REMAINDER_2032) {
    throw invalid('control-digit-1', 'Control digit 1 of the national ID is wrong (under both the classic and the 2032 rule)');
  }
  if (!k2IsValid(digits)) throw invalid('control-digit-2', 'Control digit 2 of the national ID is wrong');

  return {
    value,
    kind: isDNumber ? 'dnr' : reading.kind,
    birthDate: formatIsoDate({ year, month: reading.month, day }),
    synthetic: reading.synthetic,
    controlRule: remainder === 0 ? 'classic' : '2032',
  };
}

export function isValidNationalId(input: string, options?: ParseNationalIdOptions): boolean {
  try {
    parseNationalId(input, options);
    return true;
  } catch {
    return false;
  }
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** Every reading of the month field, preferred first. */
function monthReadings(field: number, isDNumber: boolean, options: ParseNationalIdOptions): MonthReading[] {
  const readAsNav = isDNumber || options.testSeries === 'nav';
  const plus40: MonthReading = readAsNav ? { month: field - 40, kind: 'fnr', synthetic: 'nav' } : { month: field - 40, kind: 'hnr', synthetic: false };
  const plus50: MonthReading = { month: field - 50, kind: 'fnr', synthetic: 'fs' };
  const candidates: MonthReading[] = [
    { month: field, kind: 'fnr', synthetic: false },
    ...(options.testSeries === 'fs' ? [plus50, plus40] : [plus40, plus50]),
    { month: field - 80, kind: 'fnr', synthetic: 'skatteetaten' },
  ];
  return candidates.filter((c) => c.month >= 1 && c.month <= 12);
}

/**
 * Century from the individual number (Skatteetaten's classic table):
 * 000–499 → 1900–1999; 500–749 with year ≥ 54 → 1854–1899; 500–999 with year ≤ 39 → 2000–2039;
 * 900–999 with year ≥ 40 → 1940–1999.
 * The remaining combinations (500–899 with year 40–99) were never issued under the classic
 * scheme; numbers issued from 2032 no longer encode the century, so those read as 1940–1999 —
 * the only past century left. For 2032-rule numbers the century is therefore a best reading;
 * the Folkeregister's birth-date field is authoritative.
 */
export function birthYear(yy: number, individual: number): number {
  if (individual <= 499) return 1900 + yy;
  if (individual <= 749 && yy >= 54) return 1800 + yy;
  if (yy <= 39) return 2000 + yy;
  return 1900 + yy;
}
