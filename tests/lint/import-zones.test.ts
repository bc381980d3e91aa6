import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, with the project's real config. */
async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('import zones', () => {
  it('fails when src-shared imports from src-renderer', async () => {
    const messages = await restrictedImports("import { App } from '../../src-renderer/app/app';\nexport const x = App;\n", 'src-shared/domain/zone-fixture.ts');
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('src-shared is pure');
  });

  it('fails when src-shared does I/O or imports a framework', async () => {
    const code = "import { readFileSync } from 'node:fs';\nimport { createRxDatabase } from 'rxdb';\nexport const y = [readFileSync, createRxDatabase];\n";
    expect(await restrictedImports(code, 'src-shared/domain/zone-fixture.ts')).toHaveLength(2);
  });

  it('fails when renderer code imports ipcRenderer or main-process code', async () => {
    const code =
      "import { ipcRenderer } from 'electron';\nimport { createHandlers } from '../../src-main/ipc/handlers';\nexport const z = [ipcRenderer, createHandlers];\n";
    expect(await restrictedImports(code, 'src-renderer/app/zone-fixture.ts')).toHaveLength(2);
  });

  it('allows raw ipcMain only in the IPC wrapper', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const w = ipcMain;\n";
    expect(await restrictedImports(code, 'src-main/windows/zone-fixture.ts')).toHaveLength(1);
    expect(await restrictedImports(code, 'src-main/ipc/zone-fixture.ts')).toHaveLength(0);
  });

  it('keeps the server away from renderer and main', async () => {
    const code = "import { x } from '../src-main/host/browser-host';\nexport const v = x;\n";
    expect(await restrictedImports(code, 'src-server/zone-fixture.ts')).toHaveLength(1);
  });

  it('keeps the external portal to src-shared and itself', async () => {
    const code =
      "import { useT } from '../../src-renderer/i18n/use-t';\nimport { buildApp } from '../../src-server/app';\nimport { readFileSync } from 'node:fs';\nexport const p = [useT, buildApp, readFileSync];\n";
    const messages = await restrictedImports(code, 'src-portal/pages/zone-fixture.tsx');
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain('external portal');
    const portalImport = "import { PortalApi } from '../../src-portal/api/portal-api';\nexport const q = PortalApi;\n";
    expect(await restrictedImports(portalImport, 'src-renderer/app/zone-fixture.ts')).toHaveLength(1);
    expect(await restrictedImports(portalImport, 'src-server/portal/zone-fixture.ts')).toHaveLength(1);
  });

  it('lets each layer import src-shared', async () => {
    const code = "import { dispatch } from '../../src-shared/ipc/dispatch';\nexport const u = dispatch;\n";
    for (const file of ['src-renderer/app/f.ts', 'src-portal/app/f.ts', 'src-main/ipc/f.ts', 'src-server/sync/f.ts']) {
      expect(await restrictedImports(code, file)).toHaveLength(0);
    }
  });

  it('keeps demo data and test fixtures (dev/) out of production code', async () => {
    const code = (depth: number) => `import { demoUsers } from '${'../'.repeat(depth)}dev/demo-data';\nexport const t = demoUsers;\n`;
    for (const [file, depth] of [
      ['src-shared/domain/f.ts', 2],
      ['src-renderer/features/follow-up/f.tsx', 3],
      ['src-portal/pages/f.tsx', 2],
      ['src-main/services/f.ts', 2],
      ['src-server/sync/f.ts', 2],
    ] as const) {
      const messages = await restrictedImports(code(depth), file);
      expect(messages, file).toHaveLength(1);
      expect(messages[0]).toContain('dev/');
    }
  });

  it('lets tests, scripts and the one local demo entry use dev/', async () => {
    const code = (depth: number) => `import { demoUsers } from '${'../'.repeat(depth)}dev/demo-data';\nexport const t = demoUsers;\n`;
    for (const [file, depth] of [
      ['src-renderer/db/seed-demo-data.ts', 2],
      ['src-renderer/features/follow-up/f.test.ts', 3],
      ['src-shared/domain/f.test.ts', 2],
      ['src-server/sync/f.test.ts', 2],
      ['tests/integration/f.test.ts', 2],
      ['scripts/f.ts', 1],
    ] as const) {
      expect(await restrictedImports(code(depth), file), file).toHaveLength(0);
    }
  });
});
