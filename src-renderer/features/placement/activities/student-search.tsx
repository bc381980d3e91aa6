import { Button, Paragraph, Textfield } from '@digdir/designsystemet-react';
import { useMemo, useState } from 'react';
import type { Person } from '../../../../src-shared/domain/person/person.schema';
import { useDatabase } from '../../../app/providers';
import { usePlacementText } from '../placement-text';

const SHOWN = 8;

/** Finds people in the local people register by name and adds one to the activity. */
export function StudentSearch({ taken, onAdd }: { taken: readonly string[]; onAdd: (person: Person) => void }) {
  const t = usePlacementText().form;
  const db = useDatabase();
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Person[]>([]);
  const takenSet = useMemo(() => new Set(taken), [taken]);

  const search = async (value: string) => {
    setQuery(value);
    const words = value.trim().toLowerCase().split(/\s+/).filter(Boolean);
    if (value.trim().length < 2) return setFound([]);
    const people = await db.people.find().exec();
    const matches = people
      .map((doc) => doc.toJSON() as Person)
      .filter((person) => words.every((word) => `${person.givenName} ${person.familyName}`.toLowerCase().includes(word)))
      .sort((a, b) => a.familyName.localeCompare(b.familyName, 'nb') || a.givenName.localeCompare(b.givenName, 'nb'));
    setFound(matches.slice(0, SHOWN));
  };

  const shown = found.filter((person) => !takenSet.has(person.id));
  return (
    <div className="placement-form__search">
      <Textfield label={t.findStudent} description={t.findStudentDescription} value={query} onChange={(event) => void search(event.target.value)} />
      <div role="status">{query.trim().length >= 2 && shown.length === 0 && <Paragraph data-size="sm">{t.noMatch}</Paragraph>}</div>
      {shown.length > 0 && (
        <ul className="placement-form__matches">
          {shown.map((person) => {
            const name = `${person.givenName} ${person.familyName}`;
            return (
              <li key={person.id}>
                <Button type="button" variant="secondary" data-size="sm" onClick={() => onAdd(person)}>
                  {t.add(name)}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
