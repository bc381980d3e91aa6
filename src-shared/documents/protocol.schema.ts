import { z } from 'zod';
import { isoTimestamp } from '../domain/case/case.schema';
import { concernReportSchema } from '../domain/follow-up/follow-up.schema';
import { noteSchema } from '../domain/note/note.schema';
import { documentHeadSchema, staffSchema, studentSchema } from './letter-parts.schema';

/** Largest accepted signature image (base64 of a PNG from the signature pad). */
export const MAX_SIGNATURE_PNG_BASE64 = 400_000;

/** The student's hand-drawn signature, placed in the protocol before anyone signs it digitally. */
export const drawnSignatureSchema = z.object({
  pngBase64: z.base64().min(16).max(MAX_SIGNATURE_PNG_BASE64),
  signedAt: isoTimestamp,
});
export type DrawnSignature = z.infer<typeof drawnSignatureSchema>;

/** Conversation protocol (samtaleprotokoll), built from the case facts and the conversation notes. */
export const protocolInputSchema = documentHeadSchema.extend({
  student: studentSchema,
  coordinator: staffSchema,
  conversation: z.object({
    heldAt: isoTimestamp,
    place: z.string().min(1).max(300),
    /** Others present besides the student and the coordinator. */
    participants: z.array(staffSchema).max(10),
  }),
  concerns: z.array(concernReportSchema).max(20),
  notes: z.array(noteSchema).max(500),
  /** Recipients of the signed protocol: the department head, with a copy to the student. */
  sendTo: staffSchema,
  studentSignature: drawnSignatureSchema.optional(),
});
export type ProtocolInput = z.infer<typeof protocolInputSchema>;
