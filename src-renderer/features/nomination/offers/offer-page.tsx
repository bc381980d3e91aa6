import { Paragraph, Spinner } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { useParams } from 'react-router';
import { mayReadOffer, mayWriteOffer } from '../../../../src-shared/domain/access/offer-access';
import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { BackLink, CaseNotShown } from '../../case/case-page-states';
import { FactList } from '../../case/fact-list';
import { useOrganisation } from '../../organisation/use-organisation';
import { useNominationText } from '../nomination-text';
import { OfferEditor } from './offer-editor';
import { formFromOffer, newOfferForm } from './offer-form';
import { OFFERS_PATH } from './offer-path';
import { offerChoices } from './offer-scope';
import { useOffersText } from './offers-text';
import { useStoredOffers } from './use-offers';
import './offers.css';

/** /nomination/offers/new — a new offer, for actors who may keep offers. */
export function NewOfferPage() {
  const text = useOffersText();
  const t = text.form;
  usePageTitle(t.newTitle);
  const actor = useActingUser();
  const organisation = useOrganisation();
  const stored = useStoredOffers();
  // A new offer's id is fixed while the form is open: saving twice updates the same offer.
  const [id] = useState(() => `offer-${crypto.randomUUID()}`);
  const back = <BackLink to={OFFERS_PATH} label={t.back} />;
  if (!organisation || !stored) return <Spinner aria-label={text.loading} />;
  const { partners, departments } = offerChoices(organisation, actor);
  const partnerId = partners[0]?.id ?? '';
  const initial = newOfferForm({ partnerId, agreementId: organisation.list('agreement', partnerId)[0]?.id ?? '', department: departments[0]?.id ?? '' });
  return (
    <div className="offer-page">
      {back}
      <PageHeading>{t.newTitle}</PageHeading>
      <ActingUserSwitch />
      {departments.length === 0 ? (
        <Paragraph>{t.mayNotCreate}</Paragraph>
      ) : (
        <OfferEditor key={actor.userId} existing={null} id={id} initial={initial} organisation={organisation} stored={stored} actor={actor} />
      )}
    </div>
  );
}

/** /nomination/offers/:id — one offer: the form for actors who may keep it, its facts for those who may read it. */
export function OfferPage() {
  const { id = '' } = useParams();
  const text = useOffersText();
  const t = text.form;
  const actor = useActingUser();
  const organisation = useOrganisation();
  const stored = useStoredOffers();
  const offer = stored?.find((candidate) => candidate.id === id && mayReadOffer(actor, candidate));
  usePageTitle(offer ? t.editTitle(offer.code) : stored ? t.notFound : text.loading);
  const back = { to: OFFERS_PATH, label: t.back };
  if (!organisation || !offer) {
    return (
      <CaseNotShown
        missing={stored !== undefined && organisation !== undefined}
        back={back}
        texts={{ loading: text.loading, notFound: t.notFound, notFoundBody: t.notFoundBody }}
      />
    );
  }
  const mayWrite = mayWriteOffer(actor, offer);
  return (
    <div className="offer-page">
      <BackLink {...back} />
      <PageHeading>{t.editTitle(offer.code)}</PageHeading>
      <ActingUserSwitch />
      {mayWrite ? (
        // Keyed by the stored version too: a change synced in from elsewhere shows as the form's new start.
        <OfferEditor
          key={`${actor.userId}-${offer.updatedAt}`}
          existing={offer}
          id={offer.id}
          initial={formFromOffer(offer)}
          organisation={organisation}
          stored={stored ?? []}
          actor={actor}
        />
      ) : (
        <>
          <Paragraph>{t.readOnly}</Paragraph>
          <OfferFacts offer={offer} partnerName={organisation.nameOf(offer.partnerId)} agreementName={organisation.nameOf(offer.agreementId)} />
        </>
      )}
    </div>
  );
}

/** What a reader sees of an offer. */
function OfferFacts({ offer, partnerName, agreementName }: { offer: EducationOffer; partnerName: string; agreementName: string }) {
  const text = useOffersText();
  const list = text.list;
  const t = text.form;
  const modes = useNominationText().casePage.proFormaModes;
  const language = useAppStore((state) => state.language);
  const { locale } = useT();
  const date = (value: string) => formatDate(value, locale);
  const { admission } = offer;
  return (
    <FactList
      className="offer-facts"
      facts={[
        [t.partner, partnerName],
        [t.agreement, agreementName],
        [list.name, offer.name[language]],
        [list.kind, text.kinds[offer.kind]],
        [t.term, offer.term],
        [list.period, `${date(offer.period.from)}–${date(offer.period.to)}`],
        [list.capacity, String(offer.capacity)],
        [t.proFormaMode, modes[admission.proFormaMode]],
        [t.screening, text.screening[admission.screening]],
        [t.requiredItems, admission.requiredItems.map((item) => text.items[item]).join(', ') || '–'],
        [list.deadlines, list.deadlineList(date(admission.deadlines.nomination), date(admission.deadlines.application), date(admission.deadlines.answer))],
      ]}
    />
  );
}
