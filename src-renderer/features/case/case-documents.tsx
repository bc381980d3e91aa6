import { Heading, Paragraph } from '@digdir/designsystemet-react';
import type { CaseDocument } from '../../../src-shared/domain/document/document.schema';
import { formatDate } from '../../i18n/format';
import { useT } from '../../i18n/use-t';

export function CaseDocuments({ documents }: { documents: readonly CaseDocument[] | undefined }) {
  const t = useT();
  return (
    <section aria-labelledby="case-documents-heading" className="case-documents">
      <Heading level={2} data-size="sm" id="case-documents-heading">
        {t.casePage.documents}
      </Heading>
      {documents?.length === 0 && <Paragraph>{t.casePage.noDocuments}</Paragraph>}
      <ul className="case-documents__list">
        {documents?.map((document) => (
          <li key={document.id}>
            {t.documentKinds[document.kind]}: {document.title} ({formatDate(document.createdAt, t.locale)}, {t.archiveStates[document.archiveState]})
          </li>
        ))}
      </ul>
    </section>
  );
}
