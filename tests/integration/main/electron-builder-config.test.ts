import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * electron-builder's own loading and schema validation (app-builder-lib), the same calls
 * `electron-builder build` makes before packaging.
 */
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config') as {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: unknown): Promise<Record<string, unknown>>;
  validateConfiguration(config: Record<string, unknown>, debugLogger: unknown): Promise<void>;
};
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const repoRoot = resolve(import.meta.dirname, '../../..');
const load = () => getConfig(repoRoot, resolve(repoRoot, 'electron-builder.yml'), null);
const validate = (config: Record<string, unknown>) => validateConfiguration(config, new DebugLogger(false));

describe('electron-builder.yml', () => {
  it('passes electron-builder schema validation', async () => {
    await expect(validate(await load())).resolves.toBeUndefined();
  });

  it('sets the identity, targets and hardening fuses', async () => {
    const config = await load();
    expect(config).toMatchObject({
      appId: 'no.saksflyt.desktop',
      productName: 'Saksflyt',
      asar: true,
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg', 'zip'] },
    });
    expect(JSON.stringify(config.files)).toContain('out/**/*');
  });

  it('flips every hardening fuse as intended, in the config packaging finds by itself', async () => {
    // No config path: the file electron-builder discovers in the project, as `electron-builder build` does.
    const config = await getConfig(repoRoot, null, null);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // On until the renderer is served from a custom protocol instead of file:// (see electron-builder.yml).
      grantFileProtocolExtraPrivileges: true,
    });
  });

  it('decides every fuse this electron-builder can flip (a new one must be set on purpose)', async () => {
    const scheme = require('app-builder-lib/scheme.json') as { definitions: { FuseOptionsV1: { properties: Record<string, unknown> } } };
    // A signing step, not a fuse.
    const fuses = Object.keys(scheme.definitions.FuseOptionsV1.properties).filter((name) => name !== 'resetAdHocDarwinSignature');
    expect(Object.keys((await load()).electronFuses as object).sort()).toEqual(fuses.sort());
  });

  it.each([
    ['an unknown top-level option', { notAnOption: true }, 'configuration has an unknown property'],
    ['a fuse with the wrong type', { electronFuses: { runAsNode: 'no' } }, 'configuration.electronFuses.runAsNode'],
    ['an unknown fuse', { electronFuses: { enableEverything: true } }, 'configuration.electronFuses'],
    ['a wrong nsis option type', { nsis: { oneClick: 'sometimes' } }, 'configuration.nsis'],
  ])('rejects %s', async (_label, broken, where) => {
    const error: unknown = await validate({ ...(await load()), ...broken }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain('does not match the API schema');
    expect((error as Error).message).toContain(where);
  });
});
