import type { CourseDeliveryDetails } from '../course-delivery.schema';

/** The columns of the invoicing basis, in file order. */
export const invoicingColumns = [
  'name',
  'email',
  'phone',
  'employer',
  'invoiceName',
  'organisationNumber',
  'address',
  'reference',
  'courseCode',
  'priceNok',
] as const;
export type InvoicingColumn = (typeof invoicingColumns)[number];
export type InvoicingRow = Record<InvoicingColumn, string>;

/**
 * The invoicing basis of a course (fakturagrunnlag): one row per admitted participant, in the
 * order they registered, with what invoicing needs — who, where the invoice goes (the employer's
 * invoice address when given, else the participant), the course and its price in whole kroner.
 * A field the participant was not asked for is empty.
 */
export function invoicingBasis(details: Pick<CourseDeliveryDetails, 'course' | 'participants'>): InvoicingRow[] {
  const { course, participants = [] } = details;
  return participants
    .filter((participant) => participant.status === 'admitted')
    .map((participant) => ({
      name: participant.name,
      email: participant.email,
      phone: participant.phone ?? '',
      employer: participant.employer ?? '',
      invoiceName: participant.invoiceAddress?.name ?? participant.name,
      organisationNumber: participant.invoiceAddress?.organisationNumber ?? '',
      address: participant.invoiceAddress?.address ?? '',
      reference: participant.invoiceAddress?.reference ?? '',
      courseCode: course.code,
      priceNok: String(course.priceNok),
    }));
}
