import type { z } from 'zod';
import type { Result } from '../kernel/result';
import { type ChannelContract, type ChannelInput, type ChannelOutput } from './contract';
import { canvasCourseworkChannel } from '../documents/canvas.contract';
import {
  archiveCloseCaseChannel,
  archiveEnqueueChannel,
  archiveListChannel,
  archiveRetryChannel,
  archiveTargetsChannel,
  documentsCountersignContractChannel,
  documentsIssueSummonsChannel,
  documentsPreviewChannel,
  documentsReadChannel,
  documentsSealApprovalDecisionChannel,
  documentsSealDecisionChannel,
  documentsSignContractChannel,
  documentsSignProtocolChannel,
} from '../documents/documents.contract';
import { appInfoChannel } from './app.contract';
import { courseCertificatesStartChannel, courseCertificatesStatusChannel } from './course-delivery.contract';
import { logWriteChannel } from './log.contract';
import { placementSolveChannel } from './placement.contract';
import { demoDbKeyChannel, localDbKeyChannel } from './secure-store.contract';
import {
  sessionCurrentChannel,
  sessionLockChannel,
  sessionLoginChannel,
  sessionLoginOidcChannel,
  sessionLogoutChannel,
  sessionOidcCancelChannel,
  sessionOidcProvidersChannel,
  sessionRefreshChannel,
  sessionUnlockChannel,
  sessionUnlockOidcChannel,
} from './session.contract';
import { settingsGetChannel, settingsUpdateChannel } from './settings.contract';

/**
 * Every channel the renderer may call, keyed by the method name of the typed API.
 * The preload's allow-list and the browser host's routes are both built from this object.
 */
export const channels = {
  appInfo: appInfoChannel,
  settingsGet: settingsGetChannel,
  settingsUpdate: settingsUpdateChannel,
  localDbKey: localDbKeyChannel,
  demoDbKey: demoDbKeyChannel,
  log: logWriteChannel,
  documentsPreview: documentsPreviewChannel,
  documentsIssueSummons: documentsIssueSummonsChannel,
  documentsSignProtocol: documentsSignProtocolChannel,
  documentsSealDecision: documentsSealDecisionChannel,
  documentsSealApprovalDecision: documentsSealApprovalDecisionChannel,
  documentsSignContract: documentsSignContractChannel,
  documentsCountersignContract: documentsCountersignContractChannel,
  documentsRead: documentsReadChannel,
  archiveEnqueue: archiveEnqueueChannel,
  archiveCloseCase: archiveCloseCaseChannel,
  archiveList: archiveListChannel,
  archiveRetry: archiveRetryChannel,
  archiveTargets: archiveTargetsChannel,
  canvasCoursework: canvasCourseworkChannel,
  placementSolve: placementSolveChannel,
  courseCertificatesStart: courseCertificatesStartChannel,
  courseCertificatesStatus: courseCertificatesStatusChannel,
  sessionLogin: sessionLoginChannel,
  sessionRefresh: sessionRefreshChannel,
  sessionLogout: sessionLogoutChannel,
  sessionCurrent: sessionCurrentChannel,
  sessionLock: sessionLockChannel,
  sessionUnlock: sessionUnlockChannel,
  sessionOidcProviders: sessionOidcProvidersChannel,
  sessionLoginOidc: sessionLoginOidcChannel,
  sessionUnlockOidc: sessionUnlockOidcChannel,
  sessionOidcCancel: sessionOidcCancelChannel,
} as const satisfies Record<string, ChannelContract>;

export type Channels = typeof channels;
export type MethodName = keyof Channels;

/** Server side: one handler per method, receiving parsed input. */
export type Handlers = {
  [M in MethodName]: (input: ChannelOutputOfInput<Channels[M]>) => Promise<ChannelOutput<Channels[M]>>;
};

/** What a handler receives: the input schema's parsed (output) type. */
type ChannelOutputOfInput<C extends ChannelContract> = z.output<C['input']>;

/** Renderer side: the typed API, identical in Electron (preload) and in the browser (HTTP). */
export type SaksflytApi = {
  [M in MethodName]: (...input: ChannelInput<Channels[M]> extends void ? [] : [ChannelInput<Channels[M]>]) => Promise<Result<ChannelOutput<Channels[M]>>>;
};

const byChannel = new Map<string, MethodName>((Object.keys(channels) as MethodName[]).map((method) => [channels[method].channel, method]));

export function methodForChannel(channel: string): MethodName | undefined {
  return byChannel.get(channel);
}
