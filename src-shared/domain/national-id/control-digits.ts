/**
 * The two mod-11 control digits of a Norwegian national ID (DDMMYYIIIKK).
 *
 * k1 weights 3 7 6 1 8 9 4 5 2 over the nine leading digits, k2 weights 5 4 3 2 7 6 5 4 3 2
 * over those nine and k1. Classic rule: the weighted sum including the control digit (weight 1)
 * is divisible by 11, for k1 and for k2.
 *
 * 2032 rule (Skatteetaten, numbers issued from 1 January 2032, also to people born before):
 * k1 may be any of {11, 12, 13, 14} − (weighted sum mod 11), i.e. the remainder of the sum
 * including k1 may be 0, 1, 2 or 3; k2 is unchanged; a control digit that would be 10 is still
 * impossible. Source: "Nytt fødselsnummer fra 2032",
 * https://skatteetaten.github.io/folkeregisteret-api-dokumentasjon/nytt-fodselsnummer-fra-2032/
 * (repository Skatteetaten/folkeregisteret-api-dokumentasjon, src/om-tjenestene/nyttfnr2032.md)
 * and https://www.skatteetaten.no/deling/opplysninger/folkeregisteropplysninger/pid/.
 * Their worked examples 02013299997, 30108299920 (remainder 0) and 30108299939 (remainder 1)
 * are in the tests.
 */
const K1_WEIGHTS = [3, 7, 6, 1, 8, 9, 4, 5, 2] as const;
const K2_WEIGHTS = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2] as const;

/** Largest k1 remainder the 2032 rule accepts (the classic rule accepts only 0). */
export const MAX_K1_REMAINDER_2032 = 3;

function weightedSum(digits: readonly number[], weights: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += (digits[i] ?? 0) * (weights[i] ?? 0);
  return sum;
}

/** Remainder mod 11 of k1's weighted sum including k1 itself: 0 classic, 1–3 the 2032 rule only. */
export function k1Remainder(digits: readonly number[]): number {
  return (weightedSum(digits, K1_WEIGHTS) + (digits[9] ?? 0)) % 11;
}

export function k2IsValid(digits: readonly number[]): boolean {
  return (weightedSum(digits, K2_WEIGHTS) + (digits[10] ?? 0)) % 11 === 0;
}

/**
 * k1 for nine leading digits so that k1's remainder is `remainder` (0 classic, 1–3 2032 rule),
 * or null when that would need the impossible digit 10.
 */
export function computeK1(nineDigits: readonly number[], remainder: number): number | null {
  const k1 = (((remainder - weightedSum(nineDigits, K1_WEIGHTS)) % 11) + 11) % 11;
  return k1 === 10 ? null : k1;
}

/** k2 for the nine leading digits followed by k1, or null when it would be 10. */
export function computeK2(tenDigits: readonly number[]): number | null {
  const k2 = (11 - (weightedSum(tenDigits, K2_WEIGHTS) % 11)) % 11;
  return k2 === 10 ? null : k2;
}
