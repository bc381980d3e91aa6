import type { FastifyInstance } from 'fastify';
import type { Actor } from '../../../../src-shared/domain/access';
import { acceptNominatorInvitationSchema, nominatorInvitationAcceptedSchema } from '../../../../src-shared/portal/nominator-invitation.contract';
import type { Identity } from '../../../auth/identify';
import type { Database } from '../../../db/database';
import { docSchema, errorResponse } from '../../../http/openapi';
import { HttpError } from '../../../http/http-error';
import { parseInput } from '../../../http/parse';
import { publicUrlOf } from '../../../http/public-url';
import { pollingRounds } from '../../../jobs/polling-rounds';
import { acceptNominatorInvitation } from './accept-nominator-invitation';
import { deactivateNominators } from './deactivate-nominators';
import { inviteNominator } from './invite-nominator';
import { listNominators } from './nominator-account';
import { inviteNominatorSchema, nominatorSchema, nominatorsQuerySchema, nominatorsSchema } from './nominators.schemas';

export interface NominatorsDeps {
  db: Database;
  identify(authorization: string | undefined): Promise<Identity>;
  /** Sends the queued e-mail at once (the outbox polls anyway). */
  wakeEmail(): void;
  /** NOMINATOR_IDLE_DAYS (default 365). */
  idleDays?: number;
}

export const DEFAULT_NOMINATOR_DAYS = 365;
const DAY_MS = 86_400_000;
/** Staff who manage partners' nominators. */
const MANAGING_ROLES: readonly Actor['roles'][number][] = ['caseOfficer'];

async function managingStaff(identify: NominatorsDeps['identify'], authorization: string | undefined): Promise<Actor> {
  const { actor } = await identify(authorization);
  if (!actor.roles.some((role) => MANAGING_ROLES.includes(role))) {
    throw new HttpError(403, 'forbidden', 'forbidden', 'Only case officers manage partners’ nominators');
  }
  return actor;
}

const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((status) => [status, errorResponse]));

/**
 * Partners' nominator accounts (issue 11): case officers invite nominators for their institution's
 * partners and see their status; the invited person accepts in the portal. The automatic
 * deactivation runs at start and then daily on a timer of this process, not as a queued job: it is
 * idempotent and cheap (one query), so a missed or doubled run (several instances) does no harm and
 * the next run is its retry — the job queue's per-case retries and backoff would add nothing.
 */
export function registerNominators(app: FastifyInstance, deps: NominatorsDeps): void {
  const { db, identify } = deps;

  app.post(
    '/api/nominators/invitations',
    {
      schema: {
        tags: ['nominations'],
        summary: 'Invite a partner’s nominator by e-mail (a new account, or the partner added to theirs)',
        security: [{ bearerAuth: [] }],
        body: docSchema(inviteNominatorSchema),
        response: { 200: docSchema(nominatorSchema, 'output'), ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const actor = await managingStaff(identify, request.headers.authorization);
      const body = parseInput(inviteNominatorSchema, request.body, 'body');
      const account = await inviteNominator(db, {
        ...body,
        institution: actor.scope.institution,
        invitedBy: actor.userId,
        publicUrl: publicUrlOf(app, request),
        now: new Date(),
      });
      deps.wakeEmail();
      return nominatorSchema.parse(account);
    },
  );

  app.get(
    '/api/nominators',
    {
      schema: {
        tags: ['nominations'],
        summary: 'The institution’s partner nominators (of one partner with ?partnerId=) and their status',
        security: [{ bearerAuth: [] }],
        querystring: docSchema(nominatorsQuerySchema),
        response: { 200: docSchema(nominatorsSchema, 'output'), ...errors(400, 401, 403) },
      },
    },
    async (request) => {
      const actor = await managingStaff(identify, request.headers.authorization);
      const { partnerId } = parseInput(nominatorsQuerySchema, request.query, 'query');
      return nominatorsSchema.parse({ nominators: await listNominators(db, { institution: actor.scope.institution, partnerId }) });
    },
  );

  app.post(
    '/portal/api/invitations/nominator',
    {
      schema: {
        tags: ['portal'],
        summary: 'Accept a nominator invitation: the e-mail address it was sent to and a new password; then sign in with the username',
        body: docSchema(acceptNominatorInvitationSchema),
        response: { 200: docSchema(nominatorInvitationAcceptedSchema, 'output'), ...errors(400, 404, 409, 410, 422) },
      },
    },
    async (request) => {
      const body = parseInput(acceptNominatorInvitationSchema, request.body, 'body');
      return nominatorInvitationAcceptedSchema.parse(await acceptNominatorInvitation(db, { ...body, now: new Date() }));
    },
  );

  const idleDays = deps.idleDays ?? DEFAULT_NOMINATOR_DAYS;
  const sweep = pollingRounds(
    async () => {
      const deactivated = await deactivateNominators(db, { now: new Date(), idleDays });
      for (const { userId, reason } of deactivated) app.log.info({ userId, reason }, 'nominator account deactivated');
      return deactivated.length;
    },
    (error) => app.log.error(error, 'nominator deactivation failed'),
  );
  app.addHook('onReady', async () => sweep.start(DAY_MS));
  app.addHook('onClose', () => sweep.stop());
}
