/**
 * Where a signing key lives. Everything above this interface (CMS, PAdES, the signing flows)
 * only needs the certificate chain and a raw signature over bytes it has prepared, so a key in
 * a PKCS#12 file, on a PKCS#11 token or at a remote signing service plugs in the same way.
 */
export interface SignerBackend {
  /** What the signature is made with; decides the CMS signatureAlgorithm. */
  readonly algorithm: SignatureAlgorithm;
  /** DER certificates, the signer's own first, then its issuers. */
  certificateChain(): Promise<Uint8Array[]>;
  /** Signs `data` (hash and sign with the backend's algorithm); returns the raw signature value. */
  signRaw(data: Uint8Array): Promise<Uint8Array>;
}

export type SignatureAlgorithm = 'rsa-sha256' | 'ecdsa-sha256';

/** Reads a secret (e.g. a PKCS#12 password) from the secure store; undefined when it is not set. */
export type SecretGetter = () => Promise<string | undefined>;
