import { arrayBufferToBase64 } from 'rxdb';
import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, fieldKey, type FieldPlace } from './field-encryption';

const PASSWORD = 'lokal-nøkkel-123';
const place: FieldPlace = { collection: 'notes', id: 'note-1', path: 'text' };

describe('field encryption (AES-GCM with a key derived from the database password)', () => {
  it('reads back what it wrote, with a fresh IV each time and nothing of the plain text visible', async () => {
    const key = await fieldKey(PASSWORD);
    const note = 'Studenten har deltidsjobb på kveldstid – fødselsnummer 01536112185';
    const [first, second] = [await encryptValue(key, note, place), await encryptValue(key, note, place)];
    expect(first).toMatch(/^gcm2:[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('01536112185');
    expect(await decryptValue(key, first, place)).toBe(note);
    expect(await decryptValue(key, await encryptValue(key, { nested: ['æøå', 1] }, place), place)).toEqual({ nested: ['æøå', 1] });
  });

  it('refuses another key, an altered value and a value in another format', async () => {
    const stored = await encryptValue(await fieldKey(PASSWORD), 'hemmelig', place);
    await expect(decryptValue(await fieldKey('en-annen-nøkkel'), stored, place)).rejects.toThrow();
    const body = stored.slice('gcm2:'.length);
    const flipped = `gcm2:${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
    await expect(decryptValue(await fieldKey(PASSWORD), flipped, place)).rejects.toThrow();
    await expect(decryptValue(await fieldKey(PASSWORD), 'U2FsdGVkX1+crypto-js', place)).rejects.toThrow(/expected format/);
  });

  it('binds a value to its collection, record and field: moved anywhere else it does not decrypt', async () => {
    const key = await fieldKey(PASSWORD);
    const stored = await encryptValue(key, '01536112185', { collection: 'people', id: 'person-1', path: 'nationalId' });
    const elsewhere: FieldPlace[] = [
      { collection: 'people', id: 'person-2', path: 'nationalId' },
      { collection: 'people', id: 'person-1', path: 'email' },
      { collection: 'notes', id: 'person-1', path: 'nationalId' },
    ];
    for (const other of elsewhere) await expect(decryptValue(key, stored, other)).rejects.toThrow();
    expect(await decryptValue(key, stored, { collection: 'people', id: 'person-1', path: 'nationalId' })).toBe('01536112185');
  });

  it('reads the unbound values of older apps (gcm1) only when told they may be there', async () => {
    const key = await fieldKey(PASSWORD);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, new TextEncoder().encode(JSON.stringify('gammel'))));
    const legacy = `gcm1:${arrayBufferToBase64(new Uint8Array([...iv, ...sealed]).buffer)}`;
    expect(await decryptValue(key, legacy, place, true)).toBe('gammel');
    await expect(decryptValue(key, legacy, place)).rejects.toThrow(/expected format/);
  });
});
