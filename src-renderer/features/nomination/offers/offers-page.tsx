import { Button, Heading, Link, Paragraph, Spinner, Table } from '@digdir/designsystemet-react';
import { useMemo } from 'react';
import { Link as RouterLink } from 'react-router';
import { mayReadOffer, mayWriteOffer } from '../../../../src-shared/domain/access/offer-access';
import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import { useAppStore } from '../../../app/store';
import { formatDate } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { PageHeading } from '../../../ui/page-heading';
import { usePageTitle } from '../../../ui/use-page-title';
import { useActingUser } from '../../case/acting-user';
import { ActingUserSwitch } from '../../case/acting-user-switch';
import { useOrganisation } from '../../organisation/use-organisation';
import { useNominationText } from '../nomination-text';
import { CapacityBar } from './capacity-bar';
import { offerGroups, type OfferGroup } from './offer-list';
import { NEW_OFFER_PATH, offerPath } from './offer-path';
import { offerChoices } from './offer-scope';
import { useOffersText } from './offers-text';
import { useStoredOffers } from './use-offers';
import './offers.css';

/** /nomination/offers — the offers the acting user may read, per partner and term, with each agreement's places against its offers' capacity. */
export function OffersPage() {
  const text = useOffersText();
  const t = text.list;
  usePageTitle(t.title);
  const actor = useActingUser();
  const organisation = useOrganisation();
  const stored = useStoredOffers();
  const groups = useMemo(
    () =>
      stored && organisation
        ? offerGroups(
            stored.filter((offer) => mayReadOffer(actor, offer)),
            organisation,
          )
        : undefined,
    [stored, organisation, actor],
  );
  const mayCreate = organisation !== undefined && offerChoices(organisation, actor).departments.length > 0;

  return (
    <div className="offers">
      <PageHeading>{t.title}</PageHeading>
      <Paragraph>{t.intro}</Paragraph>
      <ActingUserSwitch />
      {mayCreate && (
        <Button asChild variant="secondary">
          <RouterLink to={NEW_OFFER_PATH}>{t.newOffer}</RouterLink>
        </Button>
      )}
      {!groups ? (
        <Spinner aria-label={text.loading} />
      ) : groups.length === 0 ? (
        <Paragraph>{t.empty}</Paragraph>
      ) : (
        groups.map((group) => <OfferGroupSection key={`${group.partnerId}-${group.term}`} group={group} />)
      )}
    </div>
  );
}

function OfferGroupSection({ group }: { group: OfferGroup }) {
  const text = useOffersText();
  const t = text.list;
  const modes = useNominationText().casePage.proFormaModes;
  const { locale } = useT();
  const language = useAppStore((state) => state.language);
  const actor = useActingUser();
  const headingId = `offers-${group.partnerId}-${group.term}`;
  const date = (value: string) => formatDate(value, locale);
  const admissionOf = ({ admission }: EducationOffer) =>
    admission.screening === 'all' ? `${modes[admission.proFormaMode]}, ${t.screeningAll}` : modes[admission.proFormaMode];
  return (
    <section className="offer-group" aria-labelledby={headingId}>
      <Heading level={2} data-size="sm" id={headingId}>
        {t.group(group.partnerName, group.term)}
      </Heading>
      {group.agreements.map((use) => (
        <CapacityBar key={use.agreementId} use={use} />
      ))}
      <Table zebra>
        <caption className="ds-sr-only">{t.tableLabel(group.partnerName, group.term)}</caption>
        <Table.Head>
          <Table.Row>
            <Table.HeaderCell>{t.code}</Table.HeaderCell>
            <Table.HeaderCell>{t.name}</Table.HeaderCell>
            <Table.HeaderCell>{t.kind}</Table.HeaderCell>
            <Table.HeaderCell>{t.period}</Table.HeaderCell>
            <Table.HeaderCell>{t.capacity}</Table.HeaderCell>
            <Table.HeaderCell>{t.admission}</Table.HeaderCell>
            <Table.HeaderCell>{t.deadlines}</Table.HeaderCell>
          </Table.Row>
        </Table.Head>
        <Table.Body>
          {group.agreements.flatMap((use) =>
            use.offers.map((offer) => (
              <Table.Row key={offer.id}>
                <Table.Cell>
                  <Link asChild>
                    <RouterLink to={offerPath(offer.id)} aria-label={mayWriteOffer(actor, offer) ? t.edit(offer.code) : t.open(offer.code)}>
                      {offer.code}
                    </RouterLink>
                  </Link>
                </Table.Cell>
                <Table.Cell>{offer.name[language]}</Table.Cell>
                <Table.Cell>{text.kinds[offer.kind]}</Table.Cell>
                <Table.Cell>
                  {date(offer.period.from)}–{date(offer.period.to)}
                </Table.Cell>
                <Table.Cell>{offer.capacity}</Table.Cell>
                <Table.Cell>{admissionOf(offer)}</Table.Cell>
                <Table.Cell>
                  {t.deadlineList(
                    date(offer.admission.deadlines.nomination),
                    date(offer.admission.deadlines.application),
                    date(offer.admission.deadlines.answer),
                  )}
                </Table.Cell>
              </Table.Row>
            )),
          )}
        </Table.Body>
      </Table>
    </section>
  );
}
