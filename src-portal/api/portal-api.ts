import type { z } from 'zod';
import { serverSessionSchema, type ServerSession } from '../../src-shared/auth/auth.contract';
import type { RegistrationField, RegistrationInput } from '../../src-shared/domain/course-delivery/participants';
import type { ApplicantPersonalData } from '../../src-shared/domain/nomination/nomination.schema';
import type { NominationDraft } from '../../src-shared/domain/nomination/nomination-csv-draft';
import {
  applicantApplicationsSchema,
  applicantUploadSchema,
  type ApplicantApplication,
  type ApplicantUpload,
} from '../../src-shared/portal/applicant.contract';
import {
  courseRegisteredSchema,
  courseRegistrationRefusalSchema,
  publicCourseSchema,
  type CourseRegistered,
  type CourseRegistrationRefusal,
  type PublicCourse,
} from '../../src-shared/portal/course-registration.contract';
import {
  nominatorInvitationAcceptedSchema,
  nominatorInvitationErrorCodes,
  type NominatorInvitationErrorCode,
} from '../../src-shared/portal/nominator-invitation.contract';
import {
  portalMeSchema,
  portalNominatedSchema,
  portalNominationErrorsSchema,
  portalNominationsSchema,
  portalOffersSchema,
  type PortalMe,
  type PortalNominated,
  type PortalNomination,
  type PortalNominationError,
  type PortalOffer,
} from '../../src-shared/portal/portal.contract';
import {
  siteOrderSchema,
  siteOrdersSchema,
  sitePlacesSchema,
  siteStudentsSchema,
  siteUsersSchema,
  type SiteChangeRequestInput,
  type SiteOrder,
  type SitePlaces,
  type SiteStaffing,
  type SiteStudents,
  type SiteUser,
} from '../../src-shared/portal/site.contract';
import { syncErrorSchema } from '../../src-shared/sync/sync-error.schema';
import { loadSession, saveSession } from './session-store';
import { uploadFile } from './upload-file';

/** Why a call failed, as the pages tell the user. */
export type PortalFailure = 'wrong-credentials' | 'too-many' | 'forbidden' | 'expired' | 'unavailable';

export class PortalApiError extends Error {
  constructor(readonly failure: PortalFailure) {
    super(failure);
  }
}

/** The server refused a nomination or CSV file (422): every error, and nothing was created. */
export class NominationRefusedError extends Error {
  constructor(readonly errors: PortalNominationError[]) {
    super('nomination refused');
  }
}

/** An invitation link refused (the server's code: unknown, used, expired, another address; weak password for a nominator's). */
export class InvitationRefusedError extends Error {
  constructor(readonly code: NominatorInvitationErrorCode) {
    super(code);
  }
}

/** A change the server refused: 409 the application's state does not allow it now, 400 bad input, 413/415 a file it does not take. */
export class ChangeRefusedError extends Error {
  constructor(readonly status: number) {
    super(`refused ${status}`);
  }
}

/** A course registration the server refused: closed (also a course no longer taking registrations), a field missing, the address already registered. */
export class CourseRegistrationRefusedError extends Error {
  constructor(
    readonly refusal: CourseRegistrationRefusal,
    readonly field?: RegistrationField,
  ) {
    super(refusal);
  }
}

type SendOptions = { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; csv?: string; token?: string };

/**
 * The portal's client of the central server (same origin): sign-in and sign-out through `/auth`,
 * reads through `/portal/api` with the bearer token. An expired access token is renewed once with
 * the refresh token; every answer is parsed with the shared contract.
 */
export class PortalApi {
  private session: ServerSession | undefined = loadSession();

  get signedIn(): boolean {
    return this.session !== undefined;
  }

  async signIn(username: string, password: string): Promise<void> {
    const response = await this.send('/auth/login', { method: 'POST', body: { username, password, deviceName: 'Partnerportal' } });
    if (response.status === 401 || response.status === 400) throw new PortalApiError('wrong-credentials');
    if (response.status === 429) throw new PortalApiError('too-many');
    this.keep(await parsed(response, serverSessionSchema));
    try {
      await this.me();
    } catch (error) {
      // Signed in, but not a portal user: end the session at once.
      await this.signOut();
      throw error;
    }
  }

  async signOut(): Promise<void> {
    const refreshToken = this.session?.refreshToken;
    this.keep(undefined);
    if (refreshToken) await this.send('/auth/logout', { method: 'POST', body: { refreshToken } }).catch(() => undefined);
  }

  me(): Promise<PortalMe> {
    return this.read('/portal/api/me', portalMeSchema);
  }

  async nominations(): Promise<PortalNomination[]> {
    return (await this.read('/portal/api/nominations', portalNominationsSchema)).nominations;
  }

  async offers(): Promise<PortalOffer[]> {
    return (await this.read('/portal/api/offers', portalOffersSchema)).offers;
  }

  /** One applicant from the form, for the partner of the offer. */
  nominate(draft: NominationDraft, partner: string): Promise<PortalNominated> {
    return this.write('/portal/api/nominations', { method: 'POST', body: { partner, draft } });
  }

  /** A CSV file's text, parsed and checked on the server, for one of the nominator's partners. */
  uploadCsv(text: string, partner: string): Promise<PortalNominated> {
    return this.write(`/portal/api/nominations/csv?${new URLSearchParams({ partner })}`, { method: 'POST', csv: text });
  }

  /** The CSV template in the language, with one of the partner's offers as example. */
  async template(language: 'nb' | 'en', partner: string): Promise<string> {
    const response = await this.authorized(`/portal/api/nominations/template?${new URLSearchParams({ lang: language, partner })}`, {});
    if (!response.ok) throw new PortalApiError('unavailable');
    return response.text();
  }

  /** An applicant signs in with their invitation link's token and their e-mail address. */
  async signInWithInvitation(token: string, email: string): Promise<void> {
    const response = await this.send('/portal/api/applicant/session', { method: 'POST', body: { token, email } });
    if (!response.ok) throw await invitationRefusal(response);
    this.keep(await parsed(response, serverSessionSchema));
  }

  /** Asks for a fresh sign-in link by e-mail (the server answers the same whether the address is known). */
  async requestLink(email: string): Promise<void> {
    const response = await this.send('/portal/api/applicant/link', { method: 'POST', body: { email } });
    if (response.status !== 202) throw new PortalApiError('unavailable');
  }

  /** A new nominator accepts their account invitation; answers the username to sign in with. */
  async acceptNominatorInvitation(token: string, email: string, password: string): Promise<string> {
    const response = await this.send('/portal/api/invitations/nominator', { method: 'POST', body: { token, email, password } });
    if (!response.ok) throw await invitationRefusal(response);
    return (await parsed(response, nominatorInvitationAcceptedSchema)).username;
  }

  async applications(): Promise<ApplicantApplication[]> {
    return (await this.read('/portal/api/applicant/applications', applicantApplicationsSchema)).applications;
  }

  savePersonalData(id: string, personal: ApplicantPersonalData): Promise<void> {
    return this.change(`/portal/api/applicant/applications/${id}/personal-data`, { method: 'PUT', body: personal });
  }

  /** Submits the application with the chosen offers' codes, best first. */
  submitApplication(id: string, choices: string[]): Promise<void> {
    return this.change(`/portal/api/applicant/applications/${id}/submit`, { method: 'POST', body: { choices } });
  }

  answerOffer(id: string, accept: boolean): Promise<void> {
    return this.change(`/portal/api/applicant/applications/${id}/${accept ? 'accept' : 'decline'}`, { method: 'POST' });
  }

  withdrawApplication(id: string, reason: string): Promise<void> {
    return this.change(`/portal/api/applicant/applications/${id}/withdraw`, { method: 'POST', body: { reason } });
  }

  /** A nominator withdraws one of the partner's applications. */
  withdrawNomination(caseNumber: string, reason: string): Promise<void> {
    return this.change(`/portal/api/nominations/${encodeURIComponent(caseNumber)}/withdraw`, { method: 'POST', body: { reason } });
  }

  /** A site coordinator's placement orders, newest first. */
  async siteOrders(): Promise<SiteOrder[]> {
    return (await this.read('/portal/api/site/orders', siteOrdersSchema)).orders;
  }

  siteOrder(id: string): Promise<SiteOrder> {
    return this.read(`/portal/api/site/orders/${encodeURIComponent(id)}`, siteOrderSchema);
  }

  /** The site's answer to an order: the places it confirms, or no capacity with the reason. */
  answerOrder(id: string, answer: { places: number } | { reason: string }): Promise<void> {
    return this.change(`/portal/api/site/orders/${encodeURIComponent(id)}/${'places' in answer ? 'confirm' : 'decline'}`, { method: 'POST', body: answer });
  }

  /** The site's staffing of an order: coordinator and supervisors per class, from the site's users. */
  staffOrder(id: string, staffing: SiteStaffing['staffing']): Promise<void> {
    return this.change(`/portal/api/site/orders/${encodeURIComponent(id)}/staffing`, { method: 'PUT', body: { staffing } });
  }

  /** Asks the institution for another supervisor of a student. */
  requestSupervisorChange(id: string, request: SiteChangeRequestInput): Promise<void> {
    return this.change(`/portal/api/site/orders/${encodeURIComponent(id)}/supervisor-changes`, { method: 'POST', body: request });
  }

  /** The users of the coordinator's sites, to pick staffing from. */
  async siteUsers(): Promise<SiteUser[]> {
    return (await this.read('/portal/api/site/users', siteUsersSchema)).users;
  }

  /** The places the coordinator's sites offer per site and unit. */
  async sitePlaces(): Promise<SitePlaces['places']> {
    return (await this.read('/portal/api/site/places', sitePlacesSchema)).places;
  }

  /** The students at the coordinator's sites in placement now, upcoming and past. */
  siteStudents(): Promise<SiteStudents> {
    return this.read('/portal/api/site/students', siteStudentsSchema);
  }

  /** A site supervisor's own students, now, upcoming and past (read-only). */
  supervisedStudents(): Promise<SiteStudents> {
    return this.read('/portal/api/site/supervised', siteStudentsSchema);
  }

  /** A course's public registration page (no sign-in); undefined when no course takes registrations there. */
  async course(caseId: string): Promise<PublicCourse | undefined> {
    const response = await this.send(`/portal/api/courses/${encodeURIComponent(caseId)}`, {});
    return response.status === 404 ? undefined : parsed(response, publicCourseSchema);
  }

  /** Registers for a course (no sign-in): a refusal is a CourseRegistrationRefusedError, bad input a ChangeRefusedError (400). */
  async registerForCourse(caseId: string, registration: RegistrationInput): Promise<CourseRegistered> {
    const response = await this.send(`/portal/api/courses/${encodeURIComponent(caseId)}/registrations`, { method: 'POST', body: registration });
    if (response.status === 201) return parsed(response, courseRegisteredSchema);
    const details = syncErrorSchema.safeParse(await response.json().catch(() => undefined)).data?.details;
    const refused = courseRegistrationRefusalSchema.safeParse(details);
    if (refused.success) throw new CourseRegistrationRefusedError(refused.data.refusal, refused.data.field);
    if (response.status === 404) throw new CourseRegistrationRefusedError('closed');
    throw response.status === 400 ? new ChangeRefusedError(400) : new PortalApiError('unavailable');
  }

  /** Uploads a document of a kind the application asks for, telling the share sent so far (0–1). */
  async uploadDocument(id: string, kind: ApplicantUpload['kind'], file: File, onProgress: (share: number) => void): Promise<ApplicantUpload> {
    const path = `/portal/api/applicant/applications/${id}/uploads?kind=${kind}&name=${encodeURIComponent(file.name)}`;
    const send = () => uploadFile(path, file, this.session?.accessToken, onProgress);
    let result = await send();
    if (result.status === 401 && (await this.refresh())) result = await send();
    if (result.status === 401) {
      this.keep(undefined);
      throw new PortalApiError('expired');
    }
    if (result.status !== 201) throw new ChangeRefusedError(result.status);
    return applicantUploadSchema.parse(result.body);
  }

  /** A change answered 204; a refusal is a ChangeRefusedError with its status. */
  private async change(path: string, options: SendOptions): Promise<void> {
    const response = await this.authorized(path, options);
    if (response.status >= 400) throw new ChangeRefusedError(response.status);
  }

  private async read<T extends z.ZodType>(path: string, schema: T): Promise<z.infer<T>> {
    return parsed(await this.authorized(path, {}), schema);
  }

  private async write(path: string, options: SendOptions): Promise<PortalNominated> {
    const response = await this.authorized(path, options);
    if (response.status === 422) {
      const body: unknown = await response.json().catch(() => undefined);
      const details = portalNominationErrorsSchema.safeParse(syncErrorSchema.safeParse(body).data?.details);
      throw details.success ? new NominationRefusedError(details.data.errors) : new PortalApiError('unavailable');
    }
    return parsed(response, portalNominatedSchema);
  }

  /** The call with the access token, renewed once when expired; 401 and 403 end here. */
  private async authorized(path: string, options: SendOptions): Promise<Response> {
    let response = await this.send(path, { ...options, token: this.session?.accessToken });
    if (response.status === 401 && (await this.refresh())) response = await this.send(path, { ...options, token: this.session?.accessToken });
    if (response.status === 401) {
      this.keep(undefined);
      throw new PortalApiError('expired');
    }
    if (response.status === 403) throw new PortalApiError('forbidden');
    return response;
  }

  private async refresh(): Promise<boolean> {
    if (!this.session) return false;
    const response = await this.send('/auth/refresh', { method: 'POST', body: { refreshToken: this.session.refreshToken } });
    if (!response.ok) return false;
    this.keep(await parsed(response, serverSessionSchema));
    return true;
  }

  private keep(session: ServerSession | undefined): void {
    this.session = session;
    saveSession(session);
  }

  private async send(path: string, options: SendOptions): Promise<Response> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    if (options.csv !== undefined) headers['content-type'] = 'text/csv';
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    const body = options.csv ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
    try {
      return await fetch(path, { method: options.method ?? 'GET', headers, body });
    } catch {
      throw new PortalApiError('unavailable');
    }
  }
}

/** The refusal code of an invitation answer, or "unavailable" when it names none. */
async function invitationRefusal(response: Response): Promise<Error> {
  const code = syncErrorSchema.safeParse(await response.json().catch(() => undefined)).data?.code;
  const known = nominatorInvitationErrorCodes.find((candidate) => candidate === code);
  return known ? new InvitationRefusedError(known) : new PortalApiError(response.status === 429 ? 'too-many' : 'unavailable');
}

/** A 2xx answer parsed with its schema; anything else (or a shape we do not know) is "unavailable". */
async function parsed<T extends z.ZodType>(response: Response, schema: T): Promise<z.infer<T>> {
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = syncErrorSchema.safeParse(body);
    throw new PortalApiError(error.success && error.data.code === 'forbidden' ? 'forbidden' : 'unavailable');
  }
  const result = schema.safeParse(body);
  if (!result.success) throw new PortalApiError('unavailable');
  return result.data;
}
