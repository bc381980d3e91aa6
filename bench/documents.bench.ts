/**
 * Document pipeline figures (main process, demo certificates, RSA-2048):
 *   documents.protocol-two-signatures.median-ms  render the protocol with the drawn signature, then
 *                                                the coordinator's and the student's PAdES signatures
 *                                                (two incremental revisions); median of 30 after warm-up. Goal ≤ 100.
 *   documents.letters-500.seconds                500 decision letters rendered and sealed one after
 *                                                another (each with its own case number). Goal ≤ 30.
 */
import { resolve } from 'node:path';
import type { Emit } from '../scripts/bench';
import { demoFollowUpCase } from '../src-main/cli/demo-case';
import { demoSignaturePng } from '../src-main/cli/demo-signature';
import { createPdfRenderer } from '../src-main/services/pdf/pdf-renderer';
import { createDemoCertificates, type DemoIdentity } from '../src-main/services/signing/demo-certificates';
import { createDocumentSigning } from '../src-main/services/signing/document-signing.service';
import { createPkcs12Signer } from '../src-main/services/signing/pkcs12-signer';

const WARM_UP = 5;
const ROUNDS = 30;
const LETTERS = 500;

export async function run(emit: Emit): Promise<void> {
  const demo = demoFollowUpCase();
  const certificates = createDemoCertificates({
    institution: demo.institution.name,
    coordinator: demo.coordinator.name,
    student: demo.student.name,
    now: new Date(),
  });
  const backend = (identity: DemoIdentity) =>
    createPkcs12Signer({ pkcs12: identity.pkcs12, password: async () => identity.password, label: identity.commonName });
  const signers = { coordinator: backend(certificates.coordinator), student: backend(certificates.student) };
  const seal = backend(certificates.seal);
  const signing = createDocumentSigning({
    renderer: createPdfRenderer({ resourcesDir: resolve(import.meta.dirname, '..', 'resources') }),
    location: 'Oslo',
  });
  const protocol = { ...demo.protocol, studentSignature: { pngBase64: demoSignaturePng().toString('base64'), signedAt: '2026-10-20T10:30:00.000Z' } };

  const times: number[] = [];
  for (let round = 0; round < WARM_UP + ROUNDS; round += 1) {
    const started = performance.now();
    const signed = await signing.signProtocol(protocol, signers);
    if (round >= WARM_UP) times.push(performance.now() - started);
    if (signed.signatures.length !== 3) throw new Error('the protocol did not get both signatures');
  }
  times.sort((a, b) => a - b);
  emit('documents.protocol-two-signatures.median-ms', ((times[ROUNDS / 2 - 1] ?? 0) + (times[ROUNDS / 2] ?? 0)) / 2, 'ms');

  await signing.sealDecision(demo.decision, seal); // warm-up, not counted
  const started = performance.now();
  for (let letter = 1; letter <= LETTERS; letter += 1) {
    await signing.sealDecision({ ...demo.decision, caseNumber: `2026/${String(letter).padStart(5, '0')}` }, seal);
  }
  emit('documents.letters-500.seconds', (performance.now() - started) / 1000, 's');
}
