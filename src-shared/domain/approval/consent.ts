import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

/**
 * The student's answer to the result-exchange consent, as FS keeps it ("Akseptanse for person"):
 * type RESUTVEKSL, the date and the answer J/N; we add who recorded it and from where.
 */
export const consentSchema = z.object({
  type: z.literal('RESUTVEKSL'),
  answeredOn: isoDate,
  answer: z.enum(['J', 'N']),
  recordedAt: isoTimestamp,
  recordedBy: idSchema,
  /** Given by the student in Studentweb, or entered by a case officer from FS. */
  source: z.enum(['studentweb', 'caseOfficer']),
});
export type Consent = z.infer<typeof consentSchema>;

/** Why a fetch cannot be ordered: no consent on the case, or the student answered N. */
export const fetchBlockReasons = ['noConsent', 'consentRefused'] as const;
export type FetchBlockReason = (typeof fetchBlockReasons)[number];

export const fetchBlockLabels: Record<FetchBlockReason, { nb: string; en: string }> = {
  noConsent: { nb: 'Studenten har ikke svart på samtykke til resultatutveksling', en: 'The student has not answered the result-exchange consent' },
  consentRefused: { nb: 'Studenten har sagt nei til resultatutveksling', en: 'The student has refused result exchange' },
};

/** What stops a fetch from being ordered, or null when the student said yes (J). */
export function fetchBlockedBy(consent: Consent | undefined): FetchBlockReason | null {
  if (!consent) return 'noConsent';
  return consent.answer === 'J' ? null : 'consentRefused';
}
