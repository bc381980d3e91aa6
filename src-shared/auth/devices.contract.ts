import { z } from 'zod';
import { plainText } from './auth.contract';

/**
 * The devices of accounts (`/api/devices`, `/api/admin/devices`): every user sees and revokes their
 * own; an account administrator sees and revokes anyone's. The server parses requests with these
 * schemas, the app parses the answers.
 */
export const DEVICES_PATH = '/api/devices';
export const ADMIN_DEVICES_PATH = '/api/admin/devices';
export const revokeDevicePath = (deviceId: string) => `${DEVICES_PATH}/${encodeURIComponent(deviceId)}/revoke`;

export const deviceViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  userId: z.string(),
  username: z.string(),
  userName: z.string(),
  createdAt: z.iso.datetime(),
  /** Last request the device made with its access token (sync, any API call); null before the first. */
  lastSeenAt: z.iso.datetime().nullable(),
  revokedAt: z.iso.datetime().nullable(),
  /** It holds a refresh token that still works: it can sync without signing in again. */
  liveSession: z.boolean(),
});
export type DeviceView = z.infer<typeof deviceViewSchema>;

export const myDevicesSchema = z.object({
  /** The caller may see and revoke every user's devices. */
  accountAdmin: z.boolean(),
  currentDeviceId: z.string(),
  devices: z.array(deviceViewSchema),
});
export type MyDevices = z.infer<typeof myDevicesSchema>;

export const adminDevicesQuerySchema = z.strictObject({
  /** Only this user's devices (exact username); without it, the most recently seen devices of all users. */
  username: plainText(100).optional(),
});

export const adminDevicesSchema = z.object({ devices: z.array(deviceViewSchema) });

export const deviceParamsSchema = z.strictObject({ deviceId: plainText(64) });

export const deviceRevokedSchema = z.object({ device: deviceViewSchema });
