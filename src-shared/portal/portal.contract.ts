import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { nominationDraftSchema } from '../domain/nomination/nomination-csv-draft';
import { offerKinds, nominationStatusSchema } from '../domain/nomination/nomination.schema';

/**
 * The external portal's API (`/portal/api/…`): what a partner's nominator may read, and nothing
 * internal (no national ID, notes, reviewers or ranking). The server builds answers with it; the
 * portal parses them with it.
 */

const name = z.string().min(1).max(200);
const bilingual = z.object({ nb: name, en: name });

/** Who uses the portal: a partner's nominator, an applicant (their own applications), a placement site's coordinator or supervisor (read-only). */
export const portalRoles = ['nominator', 'applicant', 'siteCoordinator', 'siteSupervisor'] as const;
export type PortalRole = (typeof portalRoles)[number];

/** `GET /portal/api/me`; an applicant has no partners. */
export const portalMeSchema = z.object({
  name,
  role: z.enum(portalRoles),
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

/** A case in a portal URL: its id or its case number (URL-encoded, e.g. 2026%2FN0A1B2C3D). */
export const caseRefSchema = z.strictObject({
  ref: z
    .string()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9/_-]+$/, 'A case id or case number'),
});

/** `POST /portal/api/nominations/:caseNumber/withdraw`: the nominator withdraws an application, with a reason. */
export const portalWithdrawSchema = z.strictObject({ reason: z.string().trim().min(1, 'Give a reason').max(2000) });

/** `GET /portal/api/nominations?status=…`: only these parameters; any other is a bad request. */
export const portalNominationsQuerySchema = z.strictObject({ status: nominationStatusSchema.optional() });

export const portalOfferSchema = z.object({
  code: z.string().min(1).max(40),
  /** The partner the offer is for (a nominator of several partners nominates for the offer's). */
  partner: z.object({ id: z.string().min(1).max(100), name }),
  name: bilingual,
  kind: z.enum(offerKinds),
  term: z.string().min(1).max(5),
  capacity: z.number().int().min(0),
  /** How many offers an applicant may pick and rank (1: no choices). */
  maxChoices: z.number().int().min(1),
  period: z.object({ from: isoDate, to: isoDate }),
  deadlines: z.object({ nomination: isoDate, application: isoDate, answer: isoDate }),
});
export type PortalOffer = z.infer<typeof portalOfferSchema>;
export const portalOffersSchema = z.object({ offers: z.array(portalOfferSchema) });

/** A partner id a nominator with several partners names (`?partner=…`); with one partner it may be left out. */
const partnerParam = z.string().min(1).max(100).optional();

/** `POST /portal/api/nominations`: one applicant, as the portal's form writes it. */
export const portalNominateSchema = z.strictObject({ partner: partnerParam, draft: nominationDraftSchema });
export type PortalNominate = z.infer<typeof portalNominateSchema>;

/** `POST /portal/api/nominations/csv?partner=…`: the CSV text is the body. */
export const portalCsvQuerySchema = z.strictObject({ partner: partnerParam });

/** `GET /portal/api/nominations/template?lang=nb|en&partner=…`. */
export const portalTemplateQuerySchema = z.strictObject({ lang: z.enum(['nb', 'en']).default('nb'), partner: partnerParam });

/** What was created: cases new now, and drafts that were nominated already (the same again creates nothing). */
export const portalNominatedSchema = z.object({ created: z.number().int().min(0), existing: z.number().int().min(0) });
export type PortalNominated = z.infer<typeof portalNominatedSchema>;

/** Why a draft or a CSV row was refused (the 422's `details.errors`); nothing is created then. */
export const portalNominationErrorSchema = z.object({
  /** The CSV file's row (header = 1); 1 for the form's one draft. Absent for the file as a whole. */
  row: z.number().int().min(1).optional(),
  /** The CSV column as the file names it. */
  column: z.string().max(200).optional(),
  /** The draft's field (the form shows the error there). */
  field: z.string().max(40).optional(),
  message: z.object({ nb: z.string(), en: z.string() }),
});
export type PortalNominationError = z.infer<typeof portalNominationErrorSchema>;
export const portalNominationErrorsSchema = z.object({ errors: z.array(portalNominationErrorSchema) });
