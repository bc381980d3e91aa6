/**
 * Which offer each applicant gets: applicant-proposing deferred acceptance (Gale–Shapley). Each
 * applicant without a place asks for their next choice; the offer holds its best-ranked askers up
 * to its capacity and turns away the rest, who then ask for their next choice. The result is
 * stable (nobody is left without a choice they rank higher while that offer holds someone it ranks
 * lower), the best such result for every applicant, and unique, so the order in which applicants
 * ask does not matter; applicants gain nothing by listing choices other than their true priorities.
 */
export interface AssignmentInput {
  /** Per applicant, offer indices best first. */
  choices: readonly (readonly number[])[];
  /** Per offer, its places. */
  capacity: readonly number[];
  /** Per offer, the applicant's position (1 best) in its ranking, for every applicant who chose it. */
  position: readonly ReadonlyMap<number, number>[];
}

/** Per applicant, the index of the offer they get, or -1 when no choice is reached. */
export function assignOffers({ choices, capacity, position }: AssignmentInput): number[] {
  const assigned = choices.map(() => -1);
  const nextChoice = choices.map(() => 0);
  /** Per offer, the applicants it holds, best-ranked first. */
  const held: number[][] = capacity.map(() => []);
  const asking = choices.map((_, applicant) => applicant).reverse();
  while (asking.length > 0) {
    const applicant = asking.pop()!;
    const offer = choices[applicant]![nextChoice[applicant]!++];
    if (offer === undefined) continue;
    const ranks = position[offer]!;
    const rank = ranks.get(applicant)!;
    const holding = held[offer]!;
    let at = holding.length;
    while (at > 0 && ranks.get(holding[at - 1]!)! > rank) at--;
    holding.splice(at, 0, applicant);
    assigned[applicant] = offer;
    if (holding.length > capacity[offer]!) {
      const turnedAway = holding.pop()!;
      assigned[turnedAway] = -1;
      asking.push(turnedAway);
    }
  }
  return assigned;
}
