import { z } from 'zod';
import { idSchema } from '../case/case.schema';
import { ewpIncomingStatuses, ewpNominationSchema, heiIdSchema } from './ewp-nomination';
import { nominationDraftSchema } from './nomination-csv-draft';
import { applicantUploadSchema } from '../../portal/applicant.contract';

/**
 * The case officer's nomination API (`/api/nominations/…`, `/api/cases/{id}/uploads`): staff
 * registering on behalf of a partner, the EWP inbox, and the files applicants uploaded. The
 * server parses requests and builds answers with it; the desktop app parses the answers with it.
 */

const name = z.string().min(1).max(200);

/** `POST /api/nominations/on-behalf`: the nominator's draft, the partner, and why staff register it. */
export const onBehalfNominationSchema = z.object({
  partnerId: z.string().min(1).max(100),
  reason: z.string().trim().min(1, 'A reason is required').max(1000),
  draft: nominationDraftSchema,
});
export type OnBehalfNomination = z.infer<typeof onBehalfNominationSchema>;

/** The case a registration made or found (the same draft again finds its case: `created` false). */
export const registeredCaseSchema = z.object({ caseId: idSchema, created: z.boolean() });

/** `GET /api/nominations/ewp?status=…`. */
export const ewpInboxQuerySchema = z.strictObject({ status: z.enum(ewpIncomingStatuses).optional() });

/** One mobility a partner sent through EWP, as the inbox lists it. */
export const ewpInboxItemSchema = z.object({
  sendingHeiId: heiIdSchema,
  omobilityId: z.string().min(1).max(64),
  partner: z.object({ id: z.string().min(1).max(100), name }),
  student: ewpNominationSchema.shape.student.pick({ givenNames: true, familyName: true, globalId: true, birthDate: true, citizenship: true, email: true }),
  period: ewpNominationSchema.shape.period,
  iscedCode: z.string().max(20).optional(),
  eqfLevel: z.number().int().min(1).max(8).optional(),
  languageSkills: ewpNominationSchema.shape.languageSkills,
  /** The partner's status of the mobility (nomination, live, …, cancelled). */
  mobilityStatus: ewpNominationSchema.shape.status,
  /** Our answer, read back by the partner. */
  status: z.enum(ewpIncomingStatuses),
  comment: z.string().max(1000).nullable(),
  /** The nomination case registered for it, if any. */
  caseId: idSchema.nullable(),
  importedAt: z.iso.datetime({ offset: true }),
});
export type EwpInboxItem = z.infer<typeof ewpInboxItemSchema>;
export const ewpInboxSchema = z.object({ mobilities: z.array(ewpInboxItemSchema) });

const mobilityKey = z.object({ sendingHeiId: heiIdSchema, omobilityId: z.string().min(1).max(64) });
export type EwpMobilityKey = z.infer<typeof mobilityKey>;

/** `POST /api/nominations/ewp/cases`: register the chosen mobilities as cases under one offer (all or nothing). */
export const ewpNominationCasesSchema = z.object({
  offerCode: z.string().min(1).max(40),
  mobilities: z.array(mobilityKey).min(1).max(1000),
});
export const ewpCasesRegisteredSchema = z.object({ cases: z.array(mobilityKey.extend(registeredCaseSchema.shape)) });
export type EwpCasesRegistered = z.infer<typeof ewpCasesRegisteredSchema>;
/** The 422's `details.problems`: why a mobility (or the request as a whole, without keys) was refused; nothing is created then. */
export const ewpCasesRefusedSchema = z.object({ problems: z.array(mobilityKey.partial().extend({ message: z.string() })) });

/** `POST /api/nominations/ewp/reject`: staff's refusal, with the comment the partner reads back. */
export const ewpRejectSchema = mobilityKey.extend({ comment: z.string().trim().min(1, 'A comment is required').max(1000) }).strict();
export const ewpRejectedSchema = mobilityKey.extend({ status: z.literal('rejected') });

/** `GET /api/cases/{id}/uploads`: the files the applicant uploaded (the file itself at `…/uploads/{uploadId}`). */
export const caseUploadsSchema = z.object({ uploads: z.array(applicantUploadSchema) });
