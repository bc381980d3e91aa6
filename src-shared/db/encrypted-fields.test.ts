import { describe, expect, it } from 'vitest';
import { collectionDefinitions, collectionNames, rxSchemaOf } from './collections';
import { encryptedFields, encryptedPathsOf } from './encrypted-fields';

describe('the table of encrypted fields', () => {
  it('names, for every collection, fields of its schema, with a reason each', () => {
    expect(Object.keys(encryptedFields).sort()).toEqual([...collectionNames].sort());
    for (const name of collectionNames) {
      const shape = Object.keys(collectionDefinitions[name].schema.shape);
      for (const [path, reason] of Object.entries(encryptedFields[name])) {
        expect(shape, `${name}.${path}`).toContain(path);
        expect((reason as string).length).toBeGreaterThan(3);
      }
    }
  });

  it('is what the replica encrypts, and never a field an index or the primary key uses', () => {
    for (const name of collectionNames) {
      const schema = rxSchemaOf(name) as { encrypted: string[]; indexes: (string | string[])[]; primaryKey: string };
      expect(schema.encrypted).toEqual(encryptedPathsOf(name));
      const indexed = new Set([schema.primaryKey, ...schema.indexes.flat()]);
      expect(
        schema.encrypted.filter((path) => indexed.has(path)),
        name,
      ).toEqual([]);
    }
  });

  it('covers the names and texts of cases, people and the conflict inbox; the public directory stays plain', () => {
    expect(encryptedPathsOf('cases')).toEqual(expect.arrayContaining(['title', 'details']));
    expect(encryptedPathsOf('people')).toEqual(expect.arrayContaining(['givenName', 'familyName', 'nationalId', 'email']));
    expect(encryptedPathsOf('conflicts')).toContain('fields');
    expect([...encryptedPathsOf('staff'), ...encryptedPathsOf('organisation')]).toEqual([]);
  });
});
