import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/** Workflow states of a nomination application (nominasjonsopptak), in process order. */
export const nominationStatuses = [
  'nominated',
  'submitted',
  'underReview',
  'awaitingDocumentation',
  'qualified',
  'offered',
  'admitted',
  'declined',
  'notOffered',
  'rejected',
  'withdrawn',
] as const;
export type NominationStatus = (typeof nominationStatuses)[number];
export const nominationStatusSchema = z.enum(nominationStatuses);
export const nominationTerminalStatuses = ['admitted', 'declined', 'notOffered', 'rejected', 'withdrawn'] as const satisfies readonly NominationStatus[];

export const nominationStatusLabels: Record<NominationStatus, { nb: string; en: string }> = {
  nominated: { nb: 'Nominert', en: 'Nominated' },
  submitted: { nb: 'Søknad levert', en: 'Application submitted' },
  underReview: { nb: 'Til vurdering', en: 'Under review' },
  awaitingDocumentation: { nb: 'Venter på dokumentasjon', en: 'Awaiting documentation' },
  qualified: { nb: 'Kvalifisert, rangeres', en: 'Qualified, ranked' },
  offered: { nb: 'Tilbud sendt', en: 'Offer made' },
  admitted: { nb: 'Studierett tildelt', en: 'Study right granted' },
  declined: { nb: 'Tilbud avslått', en: 'Offer declined' },
  notOffered: { nb: 'Nådde ikke opp', en: 'Not reached' },
  rejected: { nb: 'Ikke kvalifisert', en: 'Rejected' },
  withdrawn: { nb: 'Trukket', en: 'Withdrawn' },
};

export const offerKinds = ['exchange', 'blendedIntensive', 'commissionedEducation'] as const;
export const qualificationItemKinds = ['passport', 'languageRequirement', 'homeResults', 'proofOfFunding'] as const;
export const nominationChannels = ['ewp', 'partnerSystem', 'userInterface'] as const;

/**
 * A nomination concerns one applicant nominated by one partner under an agreement. The case's
 * `cohort` field holds the partner id (the access scope of the partner's nominators).
 */
export const nominationDetailsSchema = z.object({
  offer: z.object({
    code: z.string().min(1).max(40),
    name: z.string().min(1).max(200),
    kind: z.enum(offerKinds),
    term: z.string().min(1).max(20),
    agreementId: z.string().min(1).max(64),
  }),
  partner: z.object({ id: z.string().min(1).max(100), name: z.string().min(1).max(200) }),
  /** proForma: every nominee with good enough data gets a place; screening: a new screening round. */
  admissionKind: z.enum(['proForma', 'screening']),
  nomination: z.object({
    nominatedAt: isoTimestamp,
    nominatedBy: idSchema,
    nominatorName: z.string().min(1).max(200),
    channel: z.enum(nominationChannels),
    /** Staff registered the nomination for the partner: who did it, and why (seed 002). */
    onBehalfOf: z.object({ registeredBy: idSchema, registeredByName: z.string().min(1).max(200), reason: z.string().min(1).max(1000) }).optional(),
  }),
  application: z
    .object({
      submittedAt: isoTimestamp,
      /** Offers the applicant picked, best first. */
      choices: z
        .array(z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(200) }))
        .min(1)
        .max(10),
    })
    .optional(),
  qualification: z
    .object({
      requestedAt: isoTimestamp,
      items: z
        .array(
          z.object({
            kind: z.enum(qualificationItemKinds),
            status: z.enum(['missing', 'received', 'approved', 'rejected']),
          }),
        )
        .min(1)
        .max(qualificationItemKinds.length),
    })
    .optional(),
  review: z.object({ startedAt: isoTimestamp, reviewerId: idSchema }).optional(),
  ranking: z
    .object({
      rankedAt: isoTimestamp,
      position: z.number().int().min(1).max(100_000),
      capacity: z.number().int().min(0).max(100_000),
      gradeAverage: z.number().min(0).max(100).optional(),
    })
    .optional(),
  offerMade: z.object({ offeredAt: isoTimestamp, answerBy: isoDate }).optional(),
  outcome: z
    .object({
      decidedAt: isoTimestamp,
      result: z.enum(['admitted', 'declined', 'notOffered', 'rejected', 'withdrawn']),
      reason: z.string().max(2000),
      withdrawnBy: z.enum(['applicant', 'nominator']).optional(),
    })
    .optional(),
});
export type NominationDetails = z.infer<typeof nominationDetailsSchema>;
