import { describe, expect, it } from 'vitest';
import { isDemoMode } from './demo-mode';

function memoryStorage() {
  const items = new Map<string, string>();
  return { getItem: (key: string) => items.get(key) ?? null, setItem: (key: string, value: string) => void items.set(key, value) };
}

describe('demo mode', () => {
  it('is entered by ?demoCases and stays when later addresses drop the query', () => {
    const storage = memoryStorage();
    expect(isDemoMode({ search: '' }, storage)).toBe(false);
    expect(isDemoMode({ search: '?demoCases=40' }, storage)).toBe(true);
    expect(isDemoMode({ search: '' }, storage)).toBe(true);
  });

  it('is off for a fresh window without the query (signed-in mode)', () => {
    expect(isDemoMode({ search: '?other=1' }, memoryStorage())).toBe(false);
  });
});
