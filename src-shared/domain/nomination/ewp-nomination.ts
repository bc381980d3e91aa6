import { z } from 'zod';
import { isoDate } from '../case/case.schema';

/**
 * A nomination as it arrives through EWP (Erasmus Without Paper): one outgoing mobility of a
 * partner's Outgoing Mobilities API (omobilities get response, stable v2), before it becomes a
 * nomination case. Field names follow the EWP elements; limits follow the official XSD.
 */

/** EWP's AsciiPrintableIdentifier: 1–64 printable ASCII characters (omobility-id, ounit-id, iia-id). */
export const ewpIdentifierSchema = z.string().regex(/^[!-~]{1,64}$/, 'Must be 1–64 printable ASCII characters');
/** SCHAC identifier of a higher education institution, e.g. uio.no. */
export const heiIdSchema = z.string().trim().min(1).max(255);

/** The sending HEI's status of the mobility (MobilityStatus). */
export const ewpMobilityStatuses = ['nomination', 'live', 'recognized', 'cancelled'] as const;
/** The receiving HEI's answer to the nomination, read back by the partner (Incoming Mobilities API). */
export const ewpIncomingStatuses = ['pending', 'verified', 'rejected'] as const;
export type EwpIncomingStatus = (typeof ewpIncomingStatuses)[number];
export const ewpCefrLevels = ['A1', 'A2', 'B1', 'B2', 'C1', 'C2', 'NS'] as const;

const heiSchema = z.object({
  heiId: heiIdSchema,
  ounitId: ewpIdentifierSchema.optional(),
  iiaId: ewpIdentifierSchema.optional(),
});

const eqfLevel = z.number().int().min(1).max(8);

export const ewpNominationSchema = z.object({
  omobilityId: ewpIdentifierSchema,
  status: z.enum(ewpMobilityStatuses),
  sendingHei: heiSchema,
  receivingHei: heiSchema,
  student: z.object({
    givenNames: z.string().trim().min(1).max(200),
    familyName: z.string().trim().min(1).max(200),
    /** The same names in other languages or scripts (xml:lang), e.g. ru-Cyrl. */
    otherNames: z
      .array(z.object({ lang: z.string().min(1).max(35), givenNames: z.string().max(200).optional(), familyName: z.string().max(200).optional() }))
      .max(10),
    /** European Student Identifier, e.g. urn:schac:personalUniqueCode:int:esi:uio.no:1234567890. */
    globalId: z.string().trim().min(1).max(255),
    birthDate: isoDate.optional(),
    /** ISO 3166-1 alpha-2. */
    citizenship: z
      .string()
      .regex(/^[A-Z]{2}$/)
      .optional(),
    email: z.email().max(254).optional(),
  }),
  period: z.object({
    /** The sending HEI's EWP academic term id (e.g. 2009/2010-2/2); absent for a non-standard period. */
    sendingAcademicTerm: z
      .string()
      .regex(/^[0-9]{4}\/[0-9]{4}-[0-9]{1,2}\/[0-9]{1,2}$/)
      .optional(),
    receivingAcademicYear: z.string().regex(/^[0-9]{4}\/[0-9]{4}$/),
    plannedArrival: isoDate.optional(),
    plannedDeparture: isoDate.optional(),
  }),
  activity: z.object({
    type: z.enum(['student-studies', 'student-traineeships']),
    attributes: z.enum(['long-term', 'short-term-blended', 'short-term-doctoral']),
  }),
  /** ISCED-F field of education closest to the student's programme. */
  iscedCode: z.string().trim().min(1).max(20).optional(),
  eqfLevelAtNomination: eqfLevel.optional(),
  eqfLevelAtDeparture: eqfLevel.optional(),
  languageSkills: z.array(z.object({ language: z.string().min(1).max(35), cefrLevel: z.enum(ewpCefrLevels).optional() })).max(50),
});
export type EwpNomination = z.infer<typeof ewpNominationSchema>;
