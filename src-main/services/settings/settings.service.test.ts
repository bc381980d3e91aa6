import { mkdtemp, readdir, readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings } from '../../../src-shared/ipc/settings.contract';
import { AppError } from '../../../src-shared/kernel/app-error';
import { createSettingsService, SETTINGS_FILE_NAME, settingsDefaultsFromEnv } from './settings.service';

let dataDir: string;
const problems: string[] = [];
const service = () =>
  createSettingsService({
    dataDir,
    now: () => new Date('2026-03-01T10:20:30.456Z'),
    onProblem: (message) => problems.push(message),
  });
const settingsPath = () => join(dataDir, SETTINGS_FILE_NAME);

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'saksflyt-settings-'));
  problems.length = 0;
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe('settings service', () => {
  it('uses the installation’s server (SAKSFLYT_SERVER_URL) until the user saves another; a bad one is ignored', async () => {
    const defaults = settingsDefaultsFromEnv({ SAKSFLYT_SERVER_URL: 'http://127.0.0.1:4392' });
    const withDefaults = () => createSettingsService({ dataDir, defaults });
    expect(await withDefaults().get()).toEqual({ ...defaultSettings, serverUrl: 'http://127.0.0.1:4392' });
    await withDefaults().update({ language: 'en' });
    expect((await withDefaults().get()).serverUrl).toBe('http://127.0.0.1:4392');
    await withDefaults().update({ serverUrl: 'https://saksflyt.example.no' });
    expect((await withDefaults().get()).serverUrl).toBe('https://saksflyt.example.no');
    expect(settingsDefaultsFromEnv({ SAKSFLYT_SERVER_URL: 'ftp://nope' })).toEqual({});
    expect(settingsDefaultsFromEnv({})).toEqual({});
  });

  it('gives defaults when no file exists, without creating one', async () => {
    expect(await service().get()).toEqual(defaultSettings);
    expect(await readdir(dataDir)).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('merges an update, persists it and a new instance reads it back', async () => {
    const updated = await service().update({ language: 'en', idleLockMinutes: 30 });
    expect(updated).toEqual({ ...defaultSettings, language: 'en', idleLockMinutes: 30 });
    expect(JSON.parse(await readFile(settingsPath(), 'utf8'))).toEqual(updated);
    expect(await service().get()).toEqual(updated);
    expect((await readdir(dataDir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps every one of many concurrent updates', async () => {
    const settings = service();
    await Promise.all([
      settings.update({ language: 'en' }),
      settings.update({ syncIntervalMinutes: 42 }),
      settings.update({ idleLockMinutes: 7 }),
      settings.update({ serverUrl: 'https://saksflyt.example.no' }),
    ]);
    const expected = { language: 'en', syncIntervalMinutes: 42, idleLockMinutes: 7, serverUrl: 'https://saksflyt.example.no' };
    expect(await settings.get()).toEqual(expected);
    expect(await service().get()).toEqual(expected);
  });

  it('rejects an invalid update with a validation AppError and keeps the stored file', async () => {
    const settings = service();
    await settings.update({ language: 'en' });
    const before = await readFile(settingsPath(), 'utf8');
    const error: unknown = await settings.update({ syncIntervalMinutes: 0 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).kind).toBe('validation');
    expect(await readFile(settingsPath(), 'utf8')).toBe(before);
    expect((await settings.get()).syncIntervalMinutes).toBe(defaultSettings.syncIntervalMinutes);
  });

  it.each([
    ['broken JSON', '{"language": "en",'],
    ['a JSON array', '[1,2,3]'],
    ['a wrong value', JSON.stringify({ ...defaultSettings, syncIntervalMinutes: -5 })],
    ['an empty file', ''],
  ])('moves a corrupt file (%s) aside as .bak and uses defaults', async (_label, content) => {
    await writeFile(settingsPath(), content);
    const settings = service();
    expect(await settings.get()).toEqual(defaultSettings);
    const backup = join(dataDir, `${SETTINGS_FILE_NAME}.corrupt-2026-03-01T10-20-30-456Z.bak`);
    expect(await readFile(backup, 'utf8')).toBe(content);
    expect(problems).toHaveLength(1);
    await settings.update({ language: 'en' });
    expect((await service().get()).language).toBe('en');
    expect(await readFile(backup, 'utf8')).toBe(content);
  });

  it('fills keys missing from an older file with defaults and ignores unknown keys', async () => {
    await writeFile(settingsPath(), JSON.stringify({ language: 'en', retiredOption: true }));
    expect(await service().get()).toEqual({ ...defaultSettings, language: 'en' });
    expect(problems).toEqual([]);
  });

  it('uses defaults when the file cannot be read, and reports it', async () => {
    await mkdir(settingsPath());
    expect(await service().get()).toEqual(defaultSettings);
    expect(problems).toHaveLength(1);
  });
});
