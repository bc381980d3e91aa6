import { z } from 'zod';
import { idSchema, isoDate, isoTimestamp } from '../case/case.schema';

export const taskSchema = z.object({
  id: idSchema,
  caseId: idSchema,
  title: z.string().min(1).max(300),
  assigneeId: idSchema,
  due: isoDate,
  done: z.boolean(),
  createdAt: isoTimestamp,
  updatedAt: isoTimestamp,
});
export type Task = z.infer<typeof taskSchema>;
