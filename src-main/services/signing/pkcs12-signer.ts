import { createPrivateKey, createPublicKey, sign, type KeyObject } from 'node:crypto';
import forge from 'node-forge';
import { AppError } from '../../../src-shared/kernel/app-error';
import type { SecretGetter, SignerBackend } from './signer-backend';

/** PKCS#12 bag types (RFC 7292). */
const BAG = {
  key: '1.2.840.113549.1.12.10.1.1',
  shroudedKey: '1.2.840.113549.1.12.10.1.2',
  certificate: '1.2.840.113549.1.12.10.1.3',
} as const;

/**
 * A key and certificate chain in a PKCS#12 file, unlocked with a password from the secure store.
 * The file is opened once, on first use; signing then runs in Node's native crypto.
 */
export function createPkcs12Signer(options: {
  /** The .p12/.pfx bytes, or a reader for them. */
  pkcs12: Uint8Array | (() => Promise<Uint8Array>);
  password: SecretGetter;
  /** Names the key in error messages, e.g. "seal" or "coordinator". */
  label: string;
}): SignerBackend {
  let unlocked: Promise<{ key: KeyObject; chain: Uint8Array[] }> | undefined;
  const unlock = () => {
    unlocked ??= open(options).catch((error: unknown) => {
      unlocked = undefined; // a fixed password or file can be tried again
      throw error;
    });
    return unlocked;
  };
  return {
    algorithm: 'rsa-sha256',
    certificateChain: async () => (await unlock()).chain,
    signRaw: async (data) => new Uint8Array(sign('sha256', data, (await unlock()).key)),
  };
}

async function open(options: Parameters<typeof createPkcs12Signer>[0]): Promise<{ key: KeyObject; chain: Uint8Array[] }> {
  const password = await options.password();
  if (password === undefined) {
    throw new AppError('precondition', `No password is stored for the ${options.label} key`);
  }
  const bytes = typeof options.pkcs12 === 'function' ? await options.pkcs12() : options.pkcs12;
  let p12: forge.pkcs12.Pkcs12Pfx;
  try {
    const asn1 = forge.asn1.fromDer(forge.util.createBuffer(Buffer.from(bytes).toString('binary')));
    p12 = forge.pkcs12.pkcs12FromAsn1(asn1, password);
  } catch (error) {
    throw new AppError('precondition', `The ${options.label} key could not be opened: wrong password or not a PKCS#12 file`, {
      reason: String(error),
    });
  }

  const bags = (type: string) => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(BAG.shroudedKey), ...bags(BAG.key)];
  const forgeKey = keyBags.find((bag) => bag.key)?.key;
  if (!forgeKey) throw new AppError('precondition', `The ${options.label} PKCS#12 file holds no private key`);
  const key = createPrivateKey(forge.pki.privateKeyToPem(forgeKey));

  const certificates = bags(BAG.certificate)
    .flatMap((bag) => (bag.cert ? [bag.cert] : []))
    .map((cert) => ({ cert, der: Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary') }));
  const publicDer = createPublicKey(key).export({ type: 'spki', format: 'der' });
  const own = certificates.find(({ cert }) => Buffer.from(forge.asn1.toDer(forge.pki.publicKeyToAsn1(cert.publicKey)).getBytes(), 'binary').equals(publicDer));
  if (!own) throw new AppError('precondition', `The ${options.label} PKCS#12 file holds no certificate for its key`);
  return { key, chain: orderChain(own, certificates).map(({ der }) => new Uint8Array(der)) };
}

/** The signer's certificate, then each issuer found in the file (forge: `child.isIssuer(parent)`), up to the root. */
function orderChain<T extends { cert: forge.pki.Certificate }>(own: T, all: readonly T[]): T[] {
  const chain = [own];
  let current = own;
  while (!current.cert.isIssuer(current.cert)) {
    const issuer = all.find((candidate) => !chain.includes(candidate) && current.cert.isIssuer(candidate.cert));
    if (!issuer) break;
    chain.push(issuer);
    current = issuer;
  }
  return chain;
}
