import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * The Ed25519 key the server signs audit anchors with. It lives next to the anchor file, outside
 * the database: whoever can only change the database cannot sign a head. Someone with the server's
 * files can, so keep a copy of the public key elsewhere and verify with that copy.
 */
export interface SigningKey {
  privateKey: KeyObject;
  publicKey: KeyObject;
  /** Short fingerprint of the public key, written on every anchor line. */
  id: string;
  /** True when this start generated the key. */
  created: boolean;
}

/** `<name>.key.pem` (private, mode 0600) and `<name>.pub.pem` next to `<name>.jsonl`. */
export function anchorKeyFiles(anchorFile: string): { privateKey: string; publicKey: string } {
  const base = anchorFile.replace(/\.jsonl$/, '');
  return { privateKey: `${base}.key.pem`, publicKey: `${base}.pub.pem` };
}

export function keyId(publicKey: KeyObject): string {
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}

const publicPem = (key: KeyObject) => key.export({ type: 'spki', format: 'pem' });

/** Reads the key, or creates it on first start; refuses when an anchor exists without its key. */
export function loadOrCreateSigningKey(anchorFile: string): SigningKey {
  const files = anchorKeyFiles(anchorFile);
  if (!existsSync(files.privateKey)) {
    if (existsSync(anchorFile) && statSync(anchorFile).size > 0) {
      throw new Error(
        `The audit anchor ${anchorFile} exists but its signing key ${files.privateKey} is missing: restore the key, or move the anchor aside to start a new one.`,
      );
    }
    mkdirSync(dirname(anchorFile), { recursive: true, mode: 0o700 });
    const pair = generateKeyPairSync('ed25519');
    writeFileSync(files.privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
    writeFileSync(files.publicKey, publicPem(pair.publicKey));
    return { ...pair, id: keyId(pair.publicKey), created: true };
  }
  const privateKey = createPrivateKey(readFileSync(files.privateKey));
  const publicKey = createPublicKey(privateKey);
  if (!existsSync(files.publicKey)) writeFileSync(files.publicKey, publicPem(publicKey));
  return { privateKey, publicKey, id: keyId(publicKey), created: false };
}

export function readPublicKey(file: string): KeyObject {
  return createPublicKey(readFileSync(file));
}
