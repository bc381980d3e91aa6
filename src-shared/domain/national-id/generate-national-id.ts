import { AppError } from '../../kernel/app-error';
import { parseIsoDate } from '../calendar/iso-date';
import { computeK1, computeK2, MAX_K1_REMAINDER_2032 } from './control-digits';
import type { ControlRule, SyntheticSeries } from './national-id';

export interface GenerateNationalIdOptions {
  /** Random source returning numbers in [0, 1); the result is a pure function of it. */
  random: () => number;
  /** YYYY-MM-DD between 1854-01-01 and 2039-12-31. */
  birthDate: string;
  /** Default 'fnr'. */
  kind?: 'fnr' | 'dnr';
  /** Default 'skatteetaten' (month + 80: never collides with a real or another test number). */
  series?: SyntheticSeries;
  /** Default 'classic'; '2032' makes k1 valid only under the 2032 rule. */
  controlRule?: ControlRule;
}

const MONTH_OFFSET: Record<SyntheticSeries, number> = { skatteetaten: 80, nav: 40, fs: 50 };
const MAX_ATTEMPTS = 1000;

/** Individual-number range that encodes the birth year's century (classic table). */
function individualRange(year: number): [number, number] {
  if (year >= 1854 && year <= 1899) return [500, 749];
  if (year >= 1900 && year <= 1999) return [0, 499];
  if (year >= 2000 && year <= 2039) return [500, 999];
  throw new AppError('validation', `A national ID can encode birth years 1854–2039, not ${year}`);
}

/**
 * A valid synthetic national ID for a birth date: never a real person's number, since the month
 * carries the test series' offset. Parse it back with `{ testSeries: 'nav' }` for NAV numbers and
 * with `{ testSeries: 'fs' }` for FS numbers born in January or February.
 */
export function generateNationalId(options: GenerateNationalIdOptions): string {
  const { year, month, day } = parseIsoDate(options.birthDate);
  const [low, high] = individualRange(year);
  const dayField = day + (options.kind === 'dnr' ? 40 : 0);
  const monthField = month + MONTH_OFFSET[options.series ?? 'skatteetaten'];
  const prefix = [dayField, monthField, year % 100].map((n) => String(n).padStart(2, '0')).join('');

  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const individual = low + Math.floor(options.random() * (high - low + 1));
    const nine = Array.from(prefix + String(individual).padStart(3, '0'), Number);
    const remainder = options.controlRule === '2032' ? 1 + Math.floor(options.random() * MAX_K1_REMAINDER_2032) : 0;
    const k1 = computeK1(nine, remainder);
    if (k1 === null) continue;
    const k2 = computeK2([...nine, k1]);
    if (k2 === null) continue;
    return [...nine, k1, k2].join('');
  }
  throw new AppError('internal', 'The random source gave no usable individual number');
}
