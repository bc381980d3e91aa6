import type { DocumentSigners } from '../pdf/documents.service';
import type { SecureStore } from '../secure-store/secure-store';
import { createSignerBackend, type SignerConfig } from '../signing/signer-config';
import type { SignerBackend } from '../signing/signer-backend';
import type { DocumentsConfig } from './documents-config';
import type { DemoSigners } from './demo-signers';

/**
 * The signing keys of this installation: a configured key where there is one (PKCS#12 unlocked
 * via the secure store), a demo key otherwise. Students have certificates only in demo mode (no
 * coordinator key configured); a real student certificate needs a PKCS#11 token or a remote
 * signing service, neither of which this version can reach.
 */
export function createDocumentSigners(config: DocumentsConfig['signers'], deps: { secureStore: Pick<SecureStore, 'get'>; demo: DemoSigners }): DocumentSigners {
  const configured = (signer: SignerConfig | undefined, label: string, demo: () => Promise<SignerBackend>) => {
    if (!signer) return demo;
    let backend: SignerBackend | undefined;
    // Made on first use, so a PKCS#11 or remote configuration fails that call, not the start-up.
    return async () => (backend ??= createSignerBackend(signer, { secureStore: deps.secureStore, label }));
  };
  const demoMode = config.coordinator === undefined;
  return {
    coordinator: configured(config.coordinator, 'coordinator', deps.demo.coordinator),
    seal: configured(config.seal, 'seal', deps.demo.seal),
    student: async () => (demoMode ? deps.demo.student() : undefined),
    teachingResource: async () => (demoMode ? deps.demo.student() : undefined),
  };
}
