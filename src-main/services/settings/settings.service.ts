import { readFile, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../../../src-shared/kernel/app-error';
import { defaultSettings, settingsSchema, type Settings } from '../../../src-shared/ipc/settings.contract';
import { writeFileAtomic } from '../fs/atomic-write';
import { createSerialQueue } from '../fs/serial-queue';

export const SETTINGS_FILE_NAME = 'settings.json';

export interface SettingsService {
  get(): Promise<Settings>;
  /** Merges the patch into the current settings, validates the result and persists it atomically. */
  update(patch: Partial<Settings>): Promise<Settings>;
}

export interface SettingsServiceOptions {
  dataDir: string;
  /** Told when a stored file could not be used (corrupt or unreadable); the app goes on with defaults. */
  onProblem?: (message: string, detail: Record<string, unknown>) => void;
  /** Defaults of this installation over the shared ones (e.g. the server `npm start` runs). */
  defaults?: Partial<Settings>;
  now?: () => Date;
}

/**
 * Settings kept as one JSON file in the data folder. A missing file means defaults; a corrupt one is
 * moved aside as `settings.json.corrupt-<time>.bak` (never deleted) and defaults are used.
 */
export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const filePath = join(options.dataDir, SETTINGS_FILE_NAME);
  const now = options.now ?? (() => new Date());
  const serial = createSerialQueue();
  let cached: Settings | undefined;

  async function load(): Promise<Settings> {
    if (cached) return cached;
    cached = await readSettingsFile(filePath, now, settingsSchema.parse({ ...defaultSettings, ...options.defaults }), options.onProblem);
    return cached;
  }

  return {
    get: () => serial(load),
    update: (patch) =>
      serial(async () => {
        const parsed = settingsSchema.safeParse({ ...(await load()), ...patch });
        if (!parsed.success) throw AppError.from(parsed.error);
        await writeFileAtomic(filePath, `${JSON.stringify(parsed.data, null, 2)}\n`);
        cached = parsed.data;
        return parsed.data;
      }),
  };
}

async function readSettingsFile(filePath: string, now: () => Date, defaults: Settings, onProblem: SettingsServiceOptions['onProblem']): Promise<Settings> {
  let text: string;
  try {
    text = await readFile(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
      onProblem?.('Settings file could not be read; using defaults', { filePath, error: String(error) });
    }
    return defaults;
  }
  const settings = parseStoredSettings(text, defaults);
  if (settings) return settings;
  const backupPath = `${filePath}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}.bak`;
  try {
    await rename(filePath, backupPath);
    onProblem?.('Settings file was corrupt; kept it as a backup and using defaults', { filePath, backupPath });
  } catch (error) {
    onProblem?.('Settings file was corrupt and could not be moved aside; using defaults', {
      filePath,
      error: String(error),
    });
  }
  return defaults;
}

/** Stored settings from an older version may lack newer keys: those take their defaults. */
function parseStoredSettings(text: string, defaults: Settings): Settings | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const parsed = settingsSchema.safeParse({ ...defaults, ...raw });
  return parsed.success ? parsed.data : undefined;
}

/**
 * Installation defaults from the environment: `SAKSFLYT_SERVER_URL` is the server the app talks to
 * until the user saves another in the settings (`npm start` points it at the server it runs).
 */
export function settingsDefaultsFromEnv(env: NodeJS.ProcessEnv): Partial<Settings> {
  const serverUrl = settingsSchema.shape.serverUrl.safeParse(env.SAKSFLYT_SERVER_URL);
  return serverUrl.success ? { serverUrl: serverUrl.data } : {};
}
