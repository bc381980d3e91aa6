import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './tools';

/** The vendored official schemas load in xmllint, and the EWP one accepts the specification's own example offline. */
const schemas = resolve(repoRoot, 'vendor', 'schemas');
const xmllint = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync('xmllint', args, { env: { ...process.env, ...env }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

describe('vendored schemas', () => {
  it.each(['noark5/arkivstruktur.xsd', 'noark5/endringslogg.xsd', 'noark5/loependeJournal.xsd', 'noark5/offentligJournal.xsd', 'addml/addml.xsd'])(
    '%s is a schema xmllint compiles',
    (file) => {
      // An empty document fails validation, but only after the schema itself compiled.
      let message = '';
      try {
        xmllint(['--noout', '--nonet', '--schema', resolve(schemas, file), resolve(schemas, 'ewp', 'omob-example.xml')]);
      } catch (error) {
        message = String((error as { stderr?: string }).stderr);
      }
      expect(message).not.toMatch(/failed to compile|Schemas parser error|failed to load/i);
    },
  );

  it('validates the EWP example against omob-get.xsd without the network', () => {
    const out = xmllint(['--noout', '--nonet', '--schema', resolve(schemas, 'ewp', 'omob-get.xsd'), resolve(schemas, 'ewp', 'omob-example.xml')], {
      XML_CATALOG_FILES: resolve(schemas, 'ewp', 'catalog.xml'),
    });
    expect(out).toBe('');
  });
});
