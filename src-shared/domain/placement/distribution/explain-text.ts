import type { CheaperSite, DistributionExplanation } from './explain';

type Language = 'nb' | 'en';

/** Costs as the administrator reads them: at most two decimals, in the language's number format. */
const formats = { nb: new Intl.NumberFormat('nb-NO', { maximumFractionDigits: 2 }), en: new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 }) };

/** The plain-words sentence of an explanation in bokmål and English; `tied` when several allowed sites share the least cost. */
export function explanationText(explanation: Omit<DistributionExplanation, 'text'>, tied: boolean): { nb: string; en: string } {
  return { nb: sentence('nb', explanation, tied), en: sentence('en', explanation, tied) };
}

function sentence(language: Language, { site, cost, reason }: Omit<DistributionExplanation, 'text'>, tied: boolean): string {
  const n = (value: number) => formats[language].format(value);
  const nb = language === 'nb';
  switch (reason.kind) {
    case 'locked':
      return nb ? `Låst til ${site} for hånd (kostnad ${n(cost)}).` : `Locked to ${site} by hand (cost ${n(cost)}).`;
    case 'cheapest':
      if (tied)
        return nb
          ? `${site} er ett av de billigste tillatte stedene for studenten (kostnad ${n(cost)}).`
          : `${site} is one of the student's cheapest allowed sites (cost ${n(cost)}).`;
      return nb
        ? `${site} er det billigste tillatte stedet for studenten (kostnad ${n(cost)}).`
        : `${site} is the student's cheapest allowed site (cost ${n(cost)}).`;
    case 'full': {
      const items = reason.cheaper.map((cheaper) => cheaperSite(language, cheaper, cost - cheaper.cost, n)).join('; ');
      return nb
        ? `Plassert på ${site} (kostnad ${n(cost)}). ${reason.cheaper.every((c) => !c.free) ? 'Hvert billigere sted er fullt' : 'De billigere stedene'}: ${items}.`
        : `Placed at ${site} (cost ${n(cost)}). ${reason.cheaper.every((c) => !c.free) ? 'Each cheaper site is full' : 'The cheaper sites'}: ${items}.`;
    }
  }
}

function cheaperSite(language: Language, { site, cost, increase, free }: CheaperSite, saving: number, n: (value: number) => number | string): string {
  const nb = language === 'nb';
  const where = nb ? `${site} (kostnad ${n(cost)})` : `${site} (cost ${n(cost)})`;
  if (increase === null) {
    return nb
      ? `${where} har ingen plass som kan frigjøres uten å bryte en absolutt regel (plasser, låste studenter, tillatte steder)`
      : `${where} has no place that can be freed without breaking a hard rule (places, locked students, allowed sites)`;
  }
  if (increase === 0) {
    return nb
      ? `${where} ville gitt samme totalkostnad: dette er én av flere like gode fordelinger`
      : `${where} would give the same total: this is one of several equally good distributions`;
  }
  if (free) {
    return nb
      ? `${where} ville økt totalkostnaden med ${n(increase)}: stedet har allerede sin andel av studentene (spredning)`
      : `${where} would raise the total by ${n(increase)}: the site already has its share of the students (spreading)`;
  }
  const others = increase + saving;
  return nb
    ? `${where} ville økt totalkostnaden med ${n(increase)}: å frigjøre en plass der koster de andre ${n(others)}, mer enn de ${n(saving)} studenten ville spart`
    : `${where} would raise the total by ${n(increase)}: freeing a place there costs the others ${n(others)}, more than the ${n(saving)} the student would save`;
}
