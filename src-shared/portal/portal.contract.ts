import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { offerKinds, nominationStatusSchema } from '../domain/nomination/nomination.schema';

/**
 * The external portal's API (`/portal/api/…`): what a partner's nominator may read, and nothing
 * internal (no national ID, notes, reviewers or ranking). The server builds answers with it; the
 * portal parses them with it.
 */

const name = z.string().min(1).max(200);
const bilingual = z.object({ nb: name, en: name });

export const portalMeSchema = z.object({
  name,
  partners: z.array(z.object({ id: z.string().min(1).max(100), name })).max(100),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

export const portalNominationSchema = z.object({
  caseNumber: z.string().max(20),
  applicantName: z.string().max(201),
  offer: z.object({ code: z.string().min(1).max(40), name }),
  status: nominationStatusSchema,
});
export type PortalNomination = z.infer<typeof portalNominationSchema>;
export const portalNominationsSchema = z.object({ nominations: z.array(portalNominationSchema) });

/** `GET /portal/api/nominations?status=…`: only these parameters; any other is a bad request. */
export const portalNominationsQuerySchema = z.strictObject({ status: nominationStatusSchema.optional() });

export const portalOfferSchema = z.object({
  code: z.string().min(1).max(40),
  name: bilingual,
  kind: z.enum(offerKinds),
  term: z.string().min(1).max(5),
  capacity: z.number().int().min(0),
  period: z.object({ from: isoDate, to: isoDate }),
  deadlines: z.object({ nomination: isoDate, application: isoDate, answer: isoDate }),
});
export type PortalOffer = z.infer<typeof portalOfferSchema>;
export const portalOffersSchema = z.object({ offers: z.array(portalOfferSchema) });
