import type { ApplicantApplication } from '../../../src-shared/portal/applicant.contract';
import type { PortalApi } from '../../api/portal-api';

/** What each part of an application gets: the change it made is announced by the panel, which then reads the application again. */
export interface SectionProps {
  api: PortalApi;
  application: ApplicantApplication;
  onChanged(text: string): void;
  onFailed(error: unknown): void;
}
