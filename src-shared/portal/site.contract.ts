import { z } from 'zod';
import { isoTimestamp } from '../domain/case/case.schema';
import { placementDetailsSchema, placementStatusSchema } from '../domain/placement/placement.schema';

/**
 * A placement site's side of the portal (`/portal/api/site/…`): the orders for placement capacity
 * sent to the coordinator's sites, and nothing internal (no notes, assignees or other sites).
 */
const details = placementDetailsSchema.shape;

export const siteOrderSchema = z.object({
  id: z.string().min(1).max(100),
  caseNumber: z.string().max(20),
  status: placementStatusSchema,
  activity: details.activity,
  site: details.site,
  requestedPlaces: z.number().int().min(1).max(1000),
  sentAt: isoTimestamp.optional(),
  confirmedPlaces: z.number().int().min(1).max(1000).optional(),
  declineReason: z.string().max(2000).optional(),
});
export type SiteOrder = z.infer<typeof siteOrderSchema>;
export const siteOrdersSchema = z.object({ orders: z.array(siteOrderSchema) });

/** `POST /portal/api/site/orders/:id/confirm`: the places the site offers. */
export const siteConfirmSchema = z.strictObject({ places: z.number().int().min(1).max(1000) });
/** `POST /portal/api/site/orders/:id/decline`: no capacity, with the reason. */
export const siteDeclineSchema = z.strictObject({ reason: z.string().trim().min(1).max(2000) });
export const siteOrderRefSchema = z.strictObject({ id: z.string().min(1).max(100) });
