import { z } from 'zod';
import { isoDate } from '../domain/case/case.schema';
import { courseworkStates } from '../domain/follow-up/follow-up.schema';
import { defineChannel } from '../ipc/contract';

/** Coursework status of one student in a Canvas course, as the teacher's report form shows it. */
export const studentCourseworkSchema = z.object({
  canvasUserId: z.number().int(),
  /** The student's id in the student system (FS), when Canvas has it. */
  sisUserId: z.string().optional(),
  coursework: z.array(
    z.object({
      assignmentId: z.number().int(),
      title: z.string(),
      status: z.enum(courseworkStates),
      due: isoDate.optional(),
    }),
  ),
});
export type StudentCoursework = z.infer<typeof studentCourseworkSchema>;

export const canvasCourseIdSchema = z.string().regex(/^(\d+|sis_course_id:[\w.-]+)$/, 'a Canvas course id');

export const canvasCourseworkChannel = defineChannel('canvas:coursework', z.object({ courseId: canvasCourseIdSchema }), z.array(studentCourseworkSchema));
