import { describe, expect, it } from 'vitest';
import { decryptValue, encryptValue, fieldKey } from './field-encryption';

describe('field encryption (AES-GCM with a key derived from the database password)', () => {
  it('reads back what it wrote, with a fresh IV each time and nothing of the plain text visible', async () => {
    const key = await fieldKey('lokal-nøkkel-123');
    const note = 'Studenten har deltidsjobb på kveldstid – fødselsnummer 01536112185';
    const [first, second] = [await encryptValue(key, note), await encryptValue(key, note)];
    expect(first).toMatch(/^gcm1:[A-Za-z0-9+/]+=*$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('01536112185');
    expect(await decryptValue(key, first)).toBe(note);
    expect(await decryptValue(key, await encryptValue(key, { nested: ['æøå', 1] }))).toEqual({ nested: ['æøå', 1] });
  });

  it('refuses another key, an altered value and a value in another format', async () => {
    const stored = await encryptValue(await fieldKey('lokal-nøkkel-123'), 'hemmelig');
    await expect(decryptValue(await fieldKey('en-annen-nøkkel'), stored)).rejects.toThrow();
    const body = stored.slice('gcm1:'.length);
    const flipped = `gcm1:${body.slice(0, 20)}${body[20] === 'A' ? 'B' : 'A'}${body.slice(21)}`;
    await expect(decryptValue(await fieldKey('lokal-nøkkel-123'), flipped)).rejects.toThrow();
    await expect(decryptValue(await fieldKey('lokal-nøkkel-123'), 'U2FsdGVkX1+crypto-js')).rejects.toThrow(/expected format/);
  });
});
