import { z } from 'zod';
import { isoTimestamp } from '../domain/case/case.schema';
import { concernReportSchema } from '../domain/follow-up/follow-up.schema';
import { documentHeadSchema, staffSchema, studentSchema } from './letter-parts.schema';

/** Summons (innkalling) of the student to a follow-up conversation. */
export const summonsInputSchema = documentHeadSchema
  .extend({
    student: studentSchema,
    coordinator: staffSchema,
    meeting: z.object({
      startsAt: isoTimestamp,
      durationMinutes: z.number().int().min(5).max(480),
      /** Room or address; empty when the conversation is held on video only. */
      place: z.string().max(300),
      videoLink: z.url({ protocol: /^https$/ }).optional(),
    }),
    concerns: z.array(concernReportSchema).min(1).max(20),
    /** The coordinator's own words on why the conversation is needed. */
    reason: z.string().max(4000),
  })
  .refine((input) => input.meeting.place.trim() !== '' || input.meeting.videoLink !== undefined, {
    message: 'A summons needs a place or a video link',
    path: ['meeting', 'place'],
  });
export type SummonsInput = z.infer<typeof summonsInputSchema>;
