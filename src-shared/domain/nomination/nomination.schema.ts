import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';
import { nominationAssessmentSchema } from './assessment';
import { recordedRankingSchema } from './ranking-record';

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

/** The seed's three pro forma modes (admission-mode.ts says where each application goes). */
export const proFormaModes = ['studyRightAtOnce', 'directOffer', 'ranked'] as const;
export type ProFormaMode = (typeof proFormaModes)[number];

/** How an admission is set up (per offer); each case records the set-up it was nominated under. */
export const admissionSetupSchema = z.object({
  proFormaMode: z.enum(proFormaModes),
  screening: z.enum(['deviationsOnly', 'all']),
  /** Documentation that must be approved for the data to count as good enough. */
  requiredItems: z
    .array(z.enum(qualificationItemKinds))
    .max(qualificationItemKinds.length)
    .refine((items) => new Set(items).size === items.length, 'Each item may be required once'),
});
export type AdmissionSetup = z.infer<typeof admissionSetupSchema>;

/** Text as given (an event is stored as sent), not blank. */
const filled = (max: number) => z.string().max(max).regex(/\S/, 'Must not be empty');
const countryCode = z
  .string()
  .length(2)
  .regex(/^[A-Z]{2}$/, 'An ISO 3166-1 alpha-2 country code');

/**
 * What the applicant gives in the application (the portal's personal data form): name corrections,
 * birth date, citizenship, how to reach them, and their home institution.
 */
export const applicantPersonalDataSchema = z.object({
  givenName: filled(100),
  familyName: filled(100),
  birthDate: isoDate,
  citizenship: countryCode,
  phone: z
    .string()
    .max(30)
    .regex(/^\+?[0-9][0-9 ()-]{4,29}$/, 'A phone number, e.g. +49 30 1234567'),
  address: z.object({ street: filled(200), postalCode: filled(20), city: filled(100), country: countryCode }),
  homeInstitution: filled(200),
});
export type ApplicantPersonalData = z.infer<typeof applicantPersonalDataSchema>;

/** An offer as a case names it: code and name. */
export const offerRefSchema = z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(200) });

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
  /** The admission's set-up when the applicant was nominated: the workflow's steps follow it. */
  admission: admissionSetupSchema,
  nomination: z.object({
    nominatedAt: isoTimestamp,
    nominatedBy: idSchema,
    nominatorName: z.string().min(1).max(200),
    channel: z.enum(nominationChannels),
    /** What the nominator told about the applicant; the applicant completes it in the application. */
    applicant: z
      .object({
        birthDate: isoDate.optional(),
        citizenship: countryCode.optional(),
        /** European Student Identifier (EWP's global id). */
        globalStudentId: z.string().min(1).max(255).optional(),
        homeInstitution: z.string().min(1).max(200).optional(),
      })
      .optional(),
    /** Offers the nominator proposed, best first, where the admission lets the applicant pick and rank. */
    choices: z.array(offerRefSchema).max(10).optional(),
    /** Staff registered the nomination for the partner: who did it, and why (seed 002). */
    onBehalfOf: z.object({ registeredBy: idSchema, registeredByName: z.string().min(1).max(200), reason: z.string().min(1).max(1000) }).optional(),
  }),
  /** The applicant's personal data as last saved in the portal (savePersonalData). */
  personalData: applicantPersonalDataSchema.extend({ savedAt: isoTimestamp }).optional(),
  application: z
    .object({
      submittedAt: isoTimestamp,
      /** Offers the applicant picked, best first. */
      choices: z.array(offerRefSchema).min(1).max(10),
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
  /** The case officer's assessment: the values a ranking ranks by (assessment.ts). */
  assessment: nominationAssessmentSchema.optional(),
  /** The latest ranking run's result for the application (a qualified-but-ranked admission). */
  ranking: recordedRankingSchema.optional(),
  /** The offer made: for a ranked admission the one the ranking gave, else the first choice. */
  offerMade: z.object({ offeredAt: isoTimestamp, answerBy: isoDate, offer: offerRefSchema }).optional(),
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
