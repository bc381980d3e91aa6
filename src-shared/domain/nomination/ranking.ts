import { z } from 'zod';
import { assignOffers } from './ranking-assignment';
import { compareCodes, orderForOffer } from './ranking-order';
import type { RankingReason } from './ranking-reasons';
import { rankingInputSchema, type RankingInput } from './ranking.schema';

export * from './ranking.schema';
export { rankingAgreement } from './ranking-agreement';
export { fieldMatch } from './ranking-criteria';
export { rankingReasonText, type RankingReason } from './ranking-reasons';
export type { RankDecision } from './ranking-order';

export interface RankedApplication {
  id: string;
  /** Position at each chosen offer (1 best), choices in priority order. */
  positions: { offer: string; priority: number; position: number }[];
  /** The offer code the applicant is offered, or null: not reached at any choice. */
  offered: string | null;
  reasons: RankingReason[];
}

export interface RankedOffer {
  code: string;
  capacity: number;
  /** Every application that chose the offer, best first. */
  ranking: string[];
  /** The applications offered a place here, best first; never more than `capacity`. */
  offered: string[];
}

export type RankingResult = { ok: true; applications: RankedApplication[]; offers: RankedOffer[] } | { ok: false; error: string };

/**
 * Ranks an admission's qualified applications at every offer they chose (rules in ranking-order.ts)
 * and offers each applicant their best choice they reach within the offers' capacity (deferred
 * acceptance, ranking-assignment.ts). Same input in any order gives the same result; applications
 * are listed by id and offers by code.
 */
export function rankApplications(input: RankingInput): RankingResult {
  const parsed = rankingInputSchema.safeParse(input);
  if (!parsed.success) return { ok: false, error: z.prettifyError(parsed.error) };
  const { config } = parsed.data;
  const offers = [...parsed.data.offers].sort((a, b) => compareCodes(a.code, b.code));
  const applications = [...parsed.data.applications].sort((a, b) => compareCodes(a.id, b.id));
  const offerIndex = new Map(offers.map((offer, i) => [offer.code, i]));
  const applicationIndex = new Map(applications.map((application, i) => [application.id, i]));

  const choosers = offers.map(() => [] as typeof applications);
  for (const application of applications) for (const code of application.choices) choosers[offerIndex.get(code)!]!.push(application);
  const orders = offers.map((offer, i) => orderForOffer(config, offer, choosers[i]!));
  const position = orders.map((order) => new Map(order.ranked.map((scored, i) => [applicationIndex.get(scored.application.id)!, i + 1])));

  const assigned = assignOffers({
    choices: applications.map((application) => application.choices.map((code) => offerIndex.get(code)!)),
    capacity: offers.map((offer) => offer.capacity),
    position,
  });
  const offeredAt = offers.map(() => [] as number[]);
  assigned.forEach((offer, applicant) => {
    if (offer >= 0) offeredAt[offer]!.push(applicant);
  });
  const lastOffered = offeredAt.map((held, offer) => (held.length === 0 ? undefined : Math.max(...held.map((applicant) => position[offer]!.get(applicant)!))));

  const rankedApplications = applications.map((application, applicant): RankedApplication => {
    const got = assigned[applicant]!;
    const gotPriority = got >= 0 ? application.choices.indexOf(offers[got]!.code) : Infinity;
    const reasons: RankingReason[] = [];
    const positions = application.choices.map((code, i) => {
      const offer = offerIndex.get(code)!;
      const at = position[offer]!.get(applicant)!;
      const order = orders[offer]!;
      const decision = order.decisions[at - 1];
      const above = decision && { id: order.ranked[at - 2]!.application.id, decision };
      const priority = i + 1;
      reasons.push({ kind: 'position', offer: code, priority, position: at, of: order.ranked.length, ...(above && { above }) });
      if (got === offer) reasons.push({ kind: 'offered', offer: code, priority });
      else if (gotPriority < i) reasons.push({ kind: 'betterChoiceOffered', offer: code, priority });
      else {
        const last = lastOffered[offer];
        reasons.push({
          kind: 'notReached',
          offer: code,
          priority,
          position: at,
          capacity: offers[offer]!.capacity,
          ...(last !== undefined && { lastOfferedPosition: last }),
        });
      }
      return { offer: code, priority, position: at };
    });
    return { id: application.id, positions, offered: got >= 0 ? offers[got]!.code : null, reasons };
  });

  const rankedOffers = offers.map((offer, i): RankedOffer => ({
    code: offer.code,
    capacity: offer.capacity,
    ranking: orders[i]!.ranked.map((scored) => scored.application.id),
    offered: offeredAt[i]!.sort((a, b) => position[i]!.get(a)! - position[i]!.get(b)!).map((applicant) => applications[applicant]!.id),
  }));
  return { ok: true, applications: rankedApplications, offers: rankedOffers };
}
