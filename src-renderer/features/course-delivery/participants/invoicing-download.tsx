import { Button, Heading, Paragraph } from '@digdir/designsystemet-react';
import { invoicingBasis } from '../../../../src-shared/domain/course-delivery/participants/invoicing-basis';
import type { CourseDeliveryCase } from '../../../../src-shared/domain/course-delivery';
import { downloadFile } from '../../overview/export/download-file';
import { invoicingCsv, invoicingFileName } from './invoicing-csv';
import { useParticipantsText } from './participants-text';

/** The admitted participants as the invoicing basis (fakturagrunnlag), downloaded as CSV for Excel. */
export function InvoicingDownload({ caseDoc }: { caseDoc: CourseDeliveryCase }) {
  const t = useParticipantsText().invoicing;
  const rows = invoicingBasis(caseDoc.details);
  const download = () =>
    downloadFile(new Blob([invoicingCsv(rows, t.columns)], { type: 'text/csv;charset=utf-8' }), invoicingFileName(caseDoc.details.course.code));
  return (
    <section aria-labelledby="course-invoicing-heading" className="course-participants__part">
      <Heading level={3} data-size="xs" id="course-invoicing-heading">
        {t.heading}
      </Heading>
      <Paragraph data-size="sm">{rows.length > 0 ? t.description(rows.length) : t.none}</Paragraph>
      <Button type="button" variant="secondary" disabled={rows.length === 0} onClick={download}>
        {t.download}
      </Button>
    </section>
  );
}
