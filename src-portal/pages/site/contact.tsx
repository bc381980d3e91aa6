import { Link } from '@digdir/designsystemet-react';

/** A person's name with their e-mail address as a mail link, when known. */
export function Contact({ person }: { person?: { name: string; email?: string } }) {
  if (!person) return <>–</>;
  return (
    <>
      {person.name}
      {person.email && (
        <>
          <br />
          <Link href={`mailto:${person.email}`}>{person.email}</Link>
        </>
      )}
    </>
  );
}
