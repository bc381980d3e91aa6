import { describe, expect, it } from 'vitest';
import { AppError } from '../../kernel/app-error';
import { addDays } from '../calendar/iso-date';
import { mulberry32, Rng } from '../../../dev/demo-data/prng';
import { computeK1, computeK2 } from './control-digits';
import { generateNationalId } from './generate-national-id';
import { isValidNationalId, parseNationalId, type NationalIdProblem } from './national-id';

function problemOf(input: string): NationalIdProblem | undefined {
  try {
    parseNationalId(input);
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    const appError = error as AppError;
    expect(appError.kind).toBe('validation');
    return (appError.details as { code: NationalIdProblem }).code;
  }
}

/**
 * Test-side construction: the six date digits and an individual number, completed with control
 * digits for the given k1 remainder. Where no control digit exists for that individual number,
 * the next ones (same century range) are tried.
 */
function complete(nine: string, remainder = 0): string {
  for (let individual = Number(nine.slice(6)); individual < Number(nine.slice(6)) + 20; individual++) {
    const digits = Array.from(nine.slice(0, 6) + String(individual).padStart(3, '0'), Number);
    const k1 = computeK1(digits, remainder);
    const k2 = k1 === null ? null : computeK2([...digits, k1]);
    if (k1 !== null && k2 !== null) return `${digits.join('')}${k1}${k2}`;
  }
  throw new Error(`no control digits near ${nine}`);
}

describe('parseNationalId', () => {
  it('accepts the FS test persons of the result-exchange seed as FS test numbers', () => {
    expect(parseNationalId('01536112185')).toEqual({
      value: '01536112185',
      kind: 'fnr',
      birthDate: '1961-03-01',
      synthetic: 'fs',
      controlRule: 'classic',
    });
    expect(parseNationalId('19588312510')).toEqual({
      value: '19588312510',
      kind: 'fnr',
      birthDate: '1983-08-19',
      synthetic: 'fs',
      controlRule: 'classic',
    });
  });

  it('accepts the seed’s spaced spelling and the DDMMYY-IIIKK form', () => {
    expect(parseNationalId('015361 12185').value).toBe('01536112185');
    expect(parseNationalId(' 195883-12510 ').value).toBe('19588312510');
  });

  it('reads Skatteetaten’s published 2032 examples', () => {
    expect(parseNationalId('02013299997')).toMatchObject({ birthDate: '2032-01-02', controlRule: 'classic' });
    expect(parseNationalId('30108299920')).toMatchObject({ birthDate: '1982-10-30', controlRule: 'classic' });
    expect(parseNationalId('30108299939')).toMatchObject({ birthDate: '1982-10-30', controlRule: '2032', kind: 'fnr' });
  });

  it('takes the century from the individual number', () => {
    expect(parseNationalId('31129956715').birthDate).toBe('1899-12-31'); // 500–749, year ≥ 54
    expect(parseNationalId(complete('010190123')).birthDate).toBe('1990-01-01'); // 000–499
    expect(parseNationalId(complete('010105612')).birthDate).toBe('2005-01-01'); // 500–999, year ≤ 39
    expect(parseNationalId(complete('010165945')).birthDate).toBe('1965-01-01'); // 900–999, year ≥ 40
    expect(parseNationalId(complete('010145812')).birthDate).toBe('1945-01-01'); // unissued classic combination
  });

  it('checks leap days in the right century', () => {
    expect(parseNationalId('29023220197').birthDate).toBe('1932-02-29');
    expect(parseNationalId('29020450051').birthDate).toBe('2004-02-29');
    expect(parseNationalId(complete('290200512')).birthDate).toBe('2000-02-29');
    expect(problemOf(complete('290200123'))).toBe('invalid-date'); // 1900 was no leap year
  });

  it('reads D-numbers (day + 40)', () => {
    expect(parseNationalId('41018412339')).toMatchObject({ kind: 'dnr', birthDate: '1984-01-01', synthetic: false });
    expect(parseNationalId(complete('710190123'))).toMatchObject({ kind: 'dnr', birthDate: '1990-01-31' });
    expect(problemOf(complete('720190123'))).toBe('invalid-date');
  });

  it('reads month + 40 as an H-number by default, as NAV synthetic in NAV test environments', () => {
    expect(parseNationalId('13527248013')).toMatchObject({ kind: 'hnr', birthDate: '1972-12-13', synthetic: false });
    expect(parseNationalId('15507600333')).toMatchObject({ kind: 'hnr', birthDate: '1976-10-15', synthetic: false });
    expect(parseNationalId('15507600333', { testSeries: 'nav' })).toMatchObject({
      kind: 'fnr',
      birthDate: '1976-10-15',
      synthetic: 'nav',
    });
  });

  it('reads month fields 51–52 as FS (January/February) only when the environment says FS', () => {
    expect(parseNationalId('13527248013', { testSeries: 'fs' })).toMatchObject({
      kind: 'fnr',
      birthDate: '1972-02-13',
      synthetic: 'fs',
    });
    // 31 + month field 51: 31 November does not exist, so the FS reading (31 January) is taken.
    const dayThirtyOne = complete('315172123');
    expect(parseNationalId(dayThirtyOne)).toMatchObject({ birthDate: '1972-01-31', synthetic: 'fs' });
  });

  it('reads D-numbers with month + 40 as NAV synthetic D-numbers', () => {
    expect(parseNationalId('55507608360')).toMatchObject({ kind: 'dnr', birthDate: '1976-10-15', synthetic: 'nav' });
  });

  it('reads Skatteetaten’s Tenor test numbers (month + 80)', () => {
    expect(parseNationalId('10915596784')).toMatchObject({ kind: 'fnr', birthDate: '1955-11-10', synthetic: 'skatteetaten' });
  });

  it('accepts every k1 the 2032 rule allows and reports the rule', () => {
    const nine = '301082999';
    expect(parseNationalId(complete(nine, 0)).controlRule).toBe('classic');
    for (const remainder of [1, 2, 3]) {
      const value = complete(nine, remainder);
      expect(parseNationalId(value).controlRule).toBe('2032');
    }
  });

  it.each([
    ['0153611218', 'length'],
    ['015361121850', 'length'],
    ['', 'length'],
    ['0153611218a', 'non-digits'],
    ['01.53.61.12185', 'non-digits'],
    ['32016112185', 'invalid-date'],
    ['01136112185', 'invalid-date'],
    ['00016112185', 'invalid-date'],
    ['31046112185', 'invalid-date'],
    ['01536112175', 'control-digit-1'],
    ['01536112186', 'control-digit-2'],
  ] as const)('rejects %j: %s', (input, problem) => {
    expect(problemOf(input)).toBe(problem);
    expect(isValidNationalId(input)).toBe(false);
  });

  it('says what is wrong without repeating the number', () => {
    const messages = ['0153611218', '0153611218a', '01136112185', '01536112175', '01536112186'].map((input) => {
      try {
        parseNationalId(input);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(messages[0]).toMatch(/11 digits; this one has 10/);
    expect(messages[1]).toMatch(/character 11 is not a digit/);
    expect(messages[2]).toMatch(/birth date .* does not exist/);
    expect(messages[3]).toMatch(/Control digit 1/);
    expect(messages[4]).toMatch(/Control digit 2/);
    for (const message of messages) expect(message).not.toMatch(/0153611218/);
  });

  it('rejects every single-digit substitution of a valid number', () => {
    for (const valid of ['01536112185', '30108299939', '41018412339']) {
      for (let position = 0; position < 11; position++) {
        for (let digit = 0; digit <= 9; digit++) {
          const mutated = valid.slice(0, position) + digit + valid.slice(position + 1);
          if (mutated !== valid) expect(isValidNationalId(mutated), mutated).toBe(false);
        }
      }
    }
  });
});

describe('generateNationalId', () => {
  it('is a pure function of the random source', () => {
    const make = () => generateNationalId({ random: mulberry32(42), birthDate: '1999-05-17' });
    expect(make()).toBe(make());
  });

  it('round-trips through the parser for every series, kind and control rule', () => {
    const rng = new Rng(mulberry32(7));
    const series = ['skatteetaten', 'nav', 'fs'] as const;
    for (let i = 0; i < 3000; i++) {
      const birthDate = addDays('1854-01-01', rng.int(0, 67_000)); // up to 2037
      const options = {
        random: rng.next,
        birthDate,
        kind: rng.pick(['fnr', 'dnr'] as const),
        series: rng.pick(series),
        controlRule: rng.pick(['classic', '2032'] as const),
      };
      const value = generateNationalId(options);
      const parsed = parseNationalId(value, { testSeries: options.series === 'skatteetaten' ? undefined : options.series });
      expect(parsed, value).toEqual({
        value,
        kind: options.kind,
        birthDate,
        synthetic: options.series,
        controlRule: options.controlRule,
      });
    }
  });

  it('refuses birth years a national ID cannot encode', () => {
    expect(() => generateNationalId({ random: mulberry32(1), birthDate: '1850-01-01' })).toThrow(/1854–2039/);
    expect(() => generateNationalId({ random: mulberry32(1), birthDate: '2040-01-01' })).toThrow(AppError);
  });
});
