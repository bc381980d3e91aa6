import { z } from 'zod';
import { isoDate, isoTimestamp } from '../domain/case/case.schema';
import { maxOfferChoices } from '../domain/nomination/education-offer';
import { applicantPersonalDataSchema, nominationStatusSchema, offerRefSchema, qualificationItemKinds } from '../domain/nomination/nomination.schema';

/**
 * The applicant's side of the portal (`/portal/api/applicant/…`): sign-in with the invitation link,
 * and the applicant's own applications with what they may do next. Nothing internal: no ranking
 * details, reviewer, notes or national ID.
 */

/** `POST /portal/api/applicant/session`: the link's token and the e-mail address it was sent to; answered with a session as /auth/login's. */
export const applicantSignInSchema = z.strictObject({ token: z.string().min(1).max(200), email: z.string().min(3).max(200) });

/** Why an invitation link did not sign in (the 4xx's `details.code`); the page says it in nb/en. */
export const invitationRefusals = ['invitation-unknown', 'invitation-used', 'invitation-expired', 'invitation-wrong-email'] as const;
export type InvitationRefusal = (typeof invitationRefusals)[number];
export const invitationRefusalSchema = z.object({ code: z.enum(invitationRefusals) });

/** `POST /portal/api/applicant/link`: a fresh link to this address, if it has an open application (always 202). */
export const applicantLinkRequestSchema = z.strictObject({ email: z.email().max(200) });

export const uploadKindSchema = z.enum(qualificationItemKinds);
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
export const uploadMediaTypes = ['application/pdf', 'image/jpeg', 'image/png'] as const;

export const applicantUploadSchema = z.object({
  id: z.string().min(1).max(64),
  kind: uploadKindSchema,
  fileName: z.string().min(1).max(200),
  mediaType: z.enum(uploadMediaTypes),
  size: z.number().int().min(1).max(MAX_UPLOAD_BYTES),
  uploadedAt: isoTimestamp,
});
export type ApplicantUpload = z.infer<typeof applicantUploadSchema>;

/** `POST …/uploads?kind=…&name=…`, the file is the body. */
export const applicantUploadQuerySchema = z.strictObject({
  kind: uploadKindSchema,
  name: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\]+$/, 'A file name, not a path'),
});

/** An offer the applicant may pick (same partner and term, application deadline not passed). */
export const applicantChoiceOptionSchema = offerRefSchema.extend({ nameEn: z.string().min(1).max(200), applicationDeadline: isoDate });

export const applicantOutcomeSchema = z.object({
  result: z.enum(['admitted', 'declined', 'notOffered', 'rejected', 'withdrawn']),
  decidedAt: isoTimestamp,
  withdrawnBy: z.enum(['applicant', 'nominator']).optional(),
});

export const applicantApplicationSchema = z.object({
  id: z.string().min(1).max(64),
  caseNumber: z.string().max(20),
  status: nominationStatusSchema,
  offer: z.object({ code: z.string().min(1).max(40), name: z.string().min(1).max(200), term: z.string().max(20) }),
  partnerName: z.string().max(200),
  nominatorName: z.string().max(200),
  deadlines: z.object({ application: isoDate.optional(), answer: isoDate.optional() }),
  personalData: applicantPersonalDataSchema.partial().extend({ savedAt: isoTimestamp.optional() }),
  /** Items the admission requires, and those a case officer asked for (awaiting documentation). */
  requiredItems: z.array(uploadKindSchema),
  requestedItems: z.array(uploadKindSchema),
  uploads: z.array(applicantUploadSchema),
  maxChoices: z.number().int().min(1).max(maxOfferChoices),
  /** The choices as they stand: the submitted ones, else the nominator's proposal, else the offer. */
  choices: z.array(offerRefSchema).max(maxOfferChoices),
  choiceOptions: z.array(applicantChoiceOptionSchema),
  offerMade: z.object({ offer: offerRefSchema, answerBy: isoDate }).optional(),
  outcome: applicantOutcomeSchema.optional(),
  /** What the applicant may do now. */
  can: z.object({ edit: z.boolean(), upload: z.boolean(), submit: z.boolean(), answer: z.boolean(), withdraw: z.boolean() }),
});
export type ApplicantApplication = z.infer<typeof applicantApplicationSchema>;
export const applicantApplicationsSchema = z.object({ applications: z.array(applicantApplicationSchema) });

export const applicantPersonalDataInputSchema = applicantPersonalDataSchema;
export const applicantSubmitSchema = z.strictObject({
  choices: z
    .array(z.string().min(1).max(40))
    .min(1)
    .max(maxOfferChoices)
    .refine((codes) => new Set(codes).size === codes.length, 'Each offer may be chosen once'),
});
export type ApplicantSubmit = z.infer<typeof applicantSubmitSchema>;
