import type { Language } from '../../ipc/settings.contract';
import type { RankDecision } from './ranking-order';
import { rankingCriterionLabels, type RankingCriterionKind } from './ranking.schema';

/**
 * Why an application got what it got, one entry per step, choices in priority order: its position
 * at each chosen offer (and what set it after its neighbour above), then offered, not reached, or
 * not needed because a better choice was offered. The neighbour's id is for case officers; the
 * applicant's view should leave it out.
 */
export type RankingReason =
  | { kind: 'position'; offer: string; priority: number; position: number; of: number; above?: { id: string; decision: RankDecision } }
  | { kind: 'offered'; offer: string; priority: number }
  | { kind: 'notReached'; offer: string; priority: number; position: number; capacity: number; lastOfferedPosition?: number }
  | { kind: 'betterChoiceOffered'; offer: string; priority: number };

const criteria = (kinds: readonly RankingCriterionKind[], language: Language) => kinds.map((kind) => rankingCriterionLabels[kind][language]).join(', ');
const points = (score: number) => (score * 100).toFixed(1);

function decisionText(decision: RankDecision, language: Language): string {
  const nb = language === 'nb';
  switch (decision.by) {
    case 'missingValues':
      return nb
        ? `mangler ${criteria(decision.criteria, language)} og rangeres etter søknader som har det`
        : `lacks ${criteria(decision.criteria, language)}, so ranks after applications that have it`;
    case 'score':
      return nb
        ? `lavere poengsum ${points(decision.score)} mot ${points(decision.aboveScore)}, mest på grunn av ${criteria([decision.mainCriterion], language)}`
        : `lower score ${points(decision.score)} against ${points(decision.aboveScore)}, mostly from ${criteria([decision.mainCriterion], language)}`;
    case 'criterion':
      return nb
        ? `lik poengsum, avgjort av ${criteria([decision.criterion], language)}`
        : `equal score, decided by ${criteria([decision.criterion], language)}`;
    case 'submittedFirst':
      return nb
        ? `helt likt, avgjort ved at den andre søknaden kom først (${decision.aboveSubmittedAt} mot ${decision.submittedAt})`
        : `tie broken by submission time: the other was submitted first (${decision.aboveSubmittedAt} against ${decision.submittedAt})`;
    case 'applicationId':
      return nb ? 'helt likt, også innleveringstidspunkt; avgjort av søknadsnummer' : 'tie broken by application id (same score, values and submission time)';
  }
}

/**
 * The reason as a sentence for the case officer. `nameOf` names the application ranked just above
 * (e.g. by its case number; by default its id).
 */
export function rankingReasonText(reason: RankingReason, language: Language, nameOf: (applicationId: string) => string = (id) => id): string {
  const nb = language === 'nb';
  const offer = nb ? `${reason.offer} (valg ${reason.priority})` : `${reason.offer} (choice ${reason.priority})`;
  switch (reason.kind) {
    case 'position': {
      const place = nb ? `${offer}: plass ${reason.position} av ${reason.of}` : `${offer}: position ${reason.position} of ${reason.of}`;
      if (!reason.above) return `${place}.`;
      return nb
        ? `${place}, etter ${nameOf(reason.above.id)}: ${decisionText(reason.above.decision, language)}.`
        : `${place}, after ${nameOf(reason.above.id)}: ${decisionText(reason.above.decision, language)}.`;
    }
    case 'offered':
      return nb ? `Får tilbud på ${offer}.` : `Offered ${offer}.`;
    case 'notReached':
      if (reason.capacity === 0) return nb ? `Nådde ikke opp på ${offer}: ingen plasser i perioden.` : `Not reached at ${offer}: no places in the period.`;
      return nb
        ? `Nådde ikke opp på ${offer}: plassene (${reason.capacity}) gikk til søkere rangert foran (siste tilbud på plass ${reason.lastOfferedPosition}).`
        : `Not reached at ${offer}: its places (${reason.capacity}) went to applicants ranked higher (last offer at position ${reason.lastOfferedPosition}).`;
    case 'betterChoiceOffered':
      return nb ? `${offer}: ikke aktuelt, fikk tilbud på et høyere prioritert valg.` : `${offer}: not needed, a better choice was offered.`;
  }
}
