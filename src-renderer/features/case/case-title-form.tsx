import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { caseSchema, type Case } from '../../../src-shared/domain/case/case.schema';
import { useDatabase } from '../../app/providers';
import { useAppStore } from '../../app/store';
import { useEditorId } from '../session/session-context';

const texts = {
  nb: { label: 'Tittel på saken', save: 'Lagre tittel', saved: 'Tittelen er lagret.', invalid: 'Skriv en tittel på 1 til 300 tegn.' },
  en: { label: 'Case title', save: 'Save title', saved: 'The title is saved.', invalid: 'Enter a title of 1 to 300 characters.' },
};

/**
 * Renames a case in the local replica, stamped with who and when; sync carries the change to the
 * server (which checks it like any other) and into the conflict inbox if someone else renamed it too.
 */
export function CaseTitleForm({ caseDoc }: { caseDoc: Pick<Case, 'id' | 'title'> }) {
  const text = texts[useAppStore((state) => state.language)];
  const db = useDatabase();
  const editorId = useEditorId();
  const [title, setTitle] = useState(caseDoc.title);
  const [shown, setShown] = useState(caseDoc.title);
  // The stored title changed (saved here, or synced from the server): the field follows it.
  if (caseDoc.title !== shown) {
    setShown(caseDoc.title);
    setTitle(caseDoc.title);
  }
  const [message, setMessage] = useState('');
  const [invalid, setInvalid] = useState(false);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const next = title.trim();
    const valid = caseSchema.shape.title.safeParse(next).success;
    setInvalid(!valid);
    setMessage('');
    if (!valid || next === caseDoc.title) return;
    const stored = await db.cases.findOne(caseDoc.id).exec();
    await stored?.incrementalPatch({ title: next, updatedAt: new Date().toISOString(), updatedBy: editorId });
    setMessage(text.saved);
  };

  return (
    <form className="case-title-form" noValidate onSubmit={(event) => void save(event)}>
      <Textfield label={text.label} value={title} error={invalid ? text.invalid : undefined} onChange={(event) => setTitle(event.target.value)} />
      <Button type="submit" variant="secondary" data-size="sm">
        {text.save}
      </Button>
      <p role="status" className="case-title-form__saved">
        {message}
      </p>
    </form>
  );
}
