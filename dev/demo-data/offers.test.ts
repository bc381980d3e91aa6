import { describe, expect, it } from 'vitest';
import { offerProblems } from '../../src-shared/domain/nomination/education-offer';
import type { NominationCase } from '../../src-shared/domain/nomination/nomination.workflow';
import { organisationIndex } from '../../src-shared/domain/organisation/organisation-index';
import { DEMO_NOW, generateDemoData } from './generate-demo-data';

const data = generateDemoData({ caseCount: 400, seed: 3, now: new Date(DEMO_NOW) });
const organisation = organisationIndex(data.organisation);

describe('the demo offers', () => {
  it('fit their agreements: within their dates, never more places in a term than the agreement has', () => {
    expect(data.offers.length).toBeGreaterThan(5);
    for (const offer of data.offers) {
      expect({ code: offer.code, problems: offerProblems(offer, organisation.unit(offer.agreementId), DEMO_NOW.slice(0, 10), data.offers) }).toEqual({
        code: offer.code,
        problems: [],
      });
    }
  });

  it('are the offers the demo nominations name, with their partner, agreement, term and choices', () => {
    const nominations = data.cases.filter((c): c is NominationCase => c.type === 'nomination');
    expect(nominations.length).toBeGreaterThan(10);
    const byCode = new Map(data.offers.map((offer) => [offer.code, offer]));
    for (const { details } of nominations) {
      const offer = byCode.get(details.offer.code);
      expect(offer && { partnerId: offer.partnerId, agreementId: offer.agreementId, term: offer.term, name: offer.name.nb, kind: offer.kind }).toEqual({
        partnerId: details.partner.id,
        agreementId: details.offer.agreementId,
        term: details.offer.term,
        name: details.offer.name,
        kind: details.offer.kind,
      });
      const choices = details.application?.choices ?? [];
      expect(choices.length).toBeLessThanOrEqual(offer!.admission.maxChoices);
      for (const choice of choices) expect(byCode.get(choice.code)?.partnerId).toBe(details.partner.id);
    }
  });
});
