import { addDays, dateOf } from '../domain/calendar/iso-date';
import type { CourseDeliveryDetails } from '../domain/course-delivery/course-delivery.schema';
import type { CourseContractInput } from './course-contract.schema';
import type { Institution, Staff } from './letter-parts.schema';

/** Days the teaching resource has to sign, as the workflow's contract deadline gives them. */
export const CONTRACT_SIGNING_DAYS = 14;

/** What the contract needs besides the course case: the letterhead, who represents the institution, where the teaching resource is reached. */
export interface ContractParts {
  institution: Institution;
  departmentHead: Staff;
  teachingResourceEmail: string;
}

/** The fee paragraph: the institution's rates for the course's sessions; the amount follows with the invoicing information. */
export function contractFeeText(course: CourseDeliveryDetails['course'], institution: Pick<Institution, 'name'>): string {
  return (
    `Honorar etter ${institution.name}s gjeldende satser for undervisning i etter- og videreutdanning, ` +
    `for ${course.sessions} samlinger med forberedelse, Canvas-arbeid og vurdering av skriftlig oppgave.`
  );
}

/**
 * The contract as the course case describes it, dated the day it is sent (`sentAt`): the same
 * input whenever it is rendered, so the preview, the teaching resource's copy and the signed PDF agree.
 */
export function courseContractInput(
  caseDoc: { caseNumber: string; details: CourseDeliveryDetails },
  parts: ContractParts,
  sentAt: string,
): CourseContractInput {
  const date = dateOf(sentAt);
  const { course, teachingResource } = caseDoc.details;
  return {
    institution: parts.institution,
    caseNumber: caseDoc.caseNumber,
    date,
    course,
    teachingResource: { name: teachingResource.name, email: parts.teachingResourceEmail },
    departmentHead: parts.departmentHead,
    fee: contractFeeText(course, parts.institution),
    signBy: addDays(date, CONTRACT_SIGNING_DAYS),
  };
}
