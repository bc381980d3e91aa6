import { z } from 'zod';
import { deactivationReasons, nominatorStatuses } from './nominator-account';

/** The staff API of partners' nominator accounts (`/api/nominators…`): parsed requests and answers. */
const partnerId = z.string().min(1).max(100);

export const inviteNominatorSchema = z.strictObject({
  partnerId,
  name: z.string().trim().min(1).max(200),
  email: z.string().trim().pipe(z.email().max(200)),
  /** The language the e-mail starts in (both are in it); Norwegian by default. */
  language: z.enum(['nb', 'en']).default('nb'),
});

export const nominatorsQuerySchema = z.strictObject({ partnerId: partnerId.optional() });

export const nominatorSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  email: z.string(),
  partners: z.array(z.string()),
  status: z.enum(nominatorStatuses),
  deactivatedAt: z.string().optional(),
  deactivationReason: z.enum(deactivationReasons).optional(),
  createdAt: z.string(),
});
export const nominatorsSchema = z.object({ nominators: z.array(nominatorSchema) });
