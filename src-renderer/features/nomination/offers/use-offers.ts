import { useMemo } from 'react';
import type { EducationOffer } from '../../../../src-shared/domain/nomination/education-offer';
import { useDatabase } from '../../../app/providers';
import { useObservable } from '../../../db/use-observable';

/** The offers in the local replica (the institution's, as the server sends them); undefined while loading. */
export function useStoredOffers(): EducationOffer[] | undefined {
  const db = useDatabase();
  const offers$ = useMemo(() => db.offers.find().$, [db]);
  const docs = useObservable(offers$);
  return useMemo(() => docs?.map((doc) => doc.toJSON() as EducationOffer), [docs]);
}
