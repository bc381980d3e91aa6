import type { FastifyInstance } from 'fastify';
import {
  ADMIN_DEVICES_PATH,
  adminDevicesQuerySchema,
  adminDevicesSchema,
  DEVICES_PATH,
  deviceParamsSchema,
  deviceRevokedSchema,
  myDevicesSchema,
  type DeviceView,
} from '../../src-shared/auth/devices.contract';
import { appendAudit, type AuditEntry } from '../audit/audit-log';
import { findUser, revokeDevice } from '../auth/accounts';
import type { Identity } from '../auth/identify';
import type { Database } from '../db/database';
import { HttpError } from '../http/http-error';
import { docSchema, errorResponse } from '../http/openapi';
import { parseInput } from '../http/parse';
import { isAccountAdmin } from './account-admins';
import { deviceViews } from './device-overview';

export interface DeviceRouteDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
}

export const DEVICES_TAG = { name: 'devices', description: "Accounts' devices: last contact and remote revocation" };

const forbidden = (message: string) => new HttpError(403, 'forbidden', 'forbidden', message);
const security = [{ bearerAuth: [] }];

/**
 * `GET /api/devices` (your own), `GET /api/admin/devices` (account administrators: anyone's) and
 * `POST /api/devices/{deviceId}/revoke` (your own, or anyone's as an account administrator).
 * Administrators' listings, every revocation and every refusal are audited.
 */
export function registerDeviceRoutes(app: FastifyInstance, deps: DeviceRouteDeps): void {
  const { db } = deps;
  const audit = (identity: Identity, entry: Omit<AuditEntry, 'actorId' | 'deviceId'>) =>
    appendAudit(db, [{ actorId: identity.actor.userId, deviceId: identity.deviceId, ...entry }]);

  app.get(
    DEVICES_PATH,
    {
      schema: {
        tags: [DEVICES_TAG.name],
        summary: 'Your devices, and whether you are an account administrator',
        description: 'Every device you signed in on, with its last contact with the server and whether it still has a session.',
        security,
        response: { 200: docSchema(myDevicesSchema, 'output'), 401: errorResponse },
      },
    },
    async (request) => {
      const identity = await deps.identify(request.headers.authorization);
      return {
        accountAdmin: await isAccountAdmin(db, identity.actor.userId),
        currentDeviceId: identity.deviceId,
        devices: await deviceViews(db, { userId: identity.actor.userId }),
      };
    },
  );

  app.get(
    ADMIN_DEVICES_PATH,
    {
      schema: {
        tags: [DEVICES_TAG.name],
        summary: "A user's devices, for account administrators",
        description:
          "With `username`: that user's devices (404 `not-found` when there is no such user); without it, the most recently seen devices of all users. " +
          '403 `forbidden` for anyone but an account administrator. Audited.',
        querystring: docSchema(adminDevicesQuerySchema),
        security,
        response: { 200: docSchema(adminDevicesSchema, 'output'), 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const identity = await deps.identify(request.headers.authorization);
      if (!(await isAccountAdmin(db, identity.actor.userId))) {
        await audit(identity, { action: 'device-list', outcome: 'denied', reason: 'forbidden' });
        throw forbidden('Only account administrators may see other users’ devices');
      }
      const { username } = parseInput(adminDevicesQuerySchema, request.query, 'query');
      const user = username === undefined ? undefined : await findUser(db, { username });
      if (username !== undefined && !user) throw new HttpError(404, 'not-found', 'not-found', `No user ${username}`);
      const devices = await deviceViews(db, { userId: user?.id });
      await audit(identity, { action: 'device-list', outcome: 'ok', detail: { username: username ?? null, count: devices.length } });
      return { devices };
    },
  );

  app.post(
    `${DEVICES_PATH}/:deviceId/revoke`,
    {
      schema: {
        tags: [DEVICES_TAG.name],
        summary: 'Revoke a device: its sessions end and the app wipes its local data at next contact',
        description:
          'Your own device (e.g. a lost laptop, from another one), or any device as an account administrator; revoking again changes nothing. ' +
          '403 `forbidden` for another user’s device; 404 `not-found`. Audited.',
        params: docSchema(deviceParamsSchema),
        security,
        response: { 200: docSchema(deviceRevokedSchema, 'output'), 400: errorResponse, 401: errorResponse, 403: errorResponse, 404: errorResponse },
      },
    },
    async (request) => {
      const identity = await deps.identify(request.headers.authorization);
      const { deviceId } = parseInput(deviceParamsSchema, request.params, 'path');
      const [target] = await deviceViews(db, { deviceId });
      if (!target) throw new HttpError(404, 'not-found', 'not-found', `No device ${deviceId}`);
      const detail = { device: target.id, owner: target.userId };
      if (target.userId !== identity.actor.userId && !(await isAccountAdmin(db, identity.actor.userId))) {
        await audit(identity, { action: 'device-revoke', outcome: 'denied', reason: 'forbidden', detail });
        throw forbidden('You may revoke only your own devices');
      }
      const device = await db.transaction(async (tx): Promise<DeviceView | undefined> => {
        await revokeDevice(tx, deviceId);
        await appendAudit(tx, [{ actorId: identity.actor.userId, deviceId: identity.deviceId, action: 'device-revoke', outcome: 'ok', detail }]);
        return (await deviceViews(tx, { deviceId }))[0];
      });
      return { device: device! };
    },
  );
}
