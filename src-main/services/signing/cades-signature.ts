import { createHash } from 'node:crypto';
import * as asn1js from 'asn1js';
import {
  AlgorithmIdentifier,
  Attribute,
  Certificate,
  ContentInfo,
  EncapsulatedContentInfo,
  GeneralName,
  GeneralNames,
  IssuerAndSerialNumber,
  SignedAndUnsignedAttributes,
  SignedData,
  SignerInfo,
} from 'pkijs';
import type { SignatureAlgorithm, SignerBackend } from './signer-backend';

const OID = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  sha256: '2.16.840.1.101.3.4.2.1',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  sha256WithRsa: '1.2.840.113549.1.1.11',
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
} as const;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest();

/** Parsed chains by the array a backend returned (backends that cache their chain parse it once). */
const parsedChains = new WeakMap<readonly Uint8Array[], Certificate[]>();
function parseChain(chain: readonly Uint8Array[]): Certificate[] {
  let certificates = parsedChains.get(chain);
  if (!certificates) {
    certificates = chain.map((der) => Certificate.fromBER(der));
    parsedChains.set(chain, certificates);
  }
  return certificates;
}

/**
 * A detached CMS SignedData as PAdES (ETSI EN 319 142-1, baseline B-B) wants it: signed attributes
 * content-type, message-digest and signing-certificate-v2 (binding the signer's certificate to the
 * signature), no signing-time attribute (the time lives in the PDF's /M), and the certificate chain.
 */
export async function createCadesDetachedSignature(content: Uint8Array, signer: SignerBackend): Promise<Buffer> {
  const chainDer = await signer.certificateChain();
  const [signerDer] = chainDer;
  if (!signerDer) throw new Error('The signer backend returned no certificate');
  const certificates = parseChain(chainDer);
  const signerCertificate = certificates[0] as Certificate;

  const attributes = [
    new Attribute({ type: OID.contentType, values: [new asn1js.ObjectIdentifier({ value: OID.data })] }),
    new Attribute({ type: OID.messageDigest, values: [new asn1js.OctetString({ valueHex: sha256(content) })] }),
    new Attribute({ type: OID.signingCertificateV2, values: [signingCertificateV2(signerDer, signerCertificate)] }),
  ];
  const signedAttrs = new SignedAndUnsignedAttributes({ type: 0, attributes: sortedAsDerSet(attributes) });
  // The signature covers the attributes encoded as a SET (tag 0x31), not as the [0] they are stored with.
  const toBeSigned = new Uint8Array(signedAttrs.toSchema().toBER());
  toBeSigned[0] = 0x31;
  const signature = await signer.signRaw(toBeSigned);

  const signerInfo = new SignerInfo({
    version: 1,
    sid: new IssuerAndSerialNumber({ issuer: signerCertificate.issuer, serialNumber: signerCertificate.serialNumber }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithmId: OID.sha256 }),
    signedAttrs,
    signatureAlgorithm: signatureAlgorithmOf(signer.algorithm),
    signature: new asn1js.OctetString({ valueHex: signature }),
  });
  const signedData = new SignedData({
    version: 1,
    digestAlgorithms: [new AlgorithmIdentifier({ algorithmId: OID.sha256 })],
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: [signerInfo],
  });
  const contentInfo = new ContentInfo({ contentType: OID.signedData, content: signedData.toSchema(true) });
  return Buffer.from(contentInfo.toSchema().toBER());
}

/**
 * SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 } (RFC 5035), with
 * ESSCertIDv2 ::= SEQUENCE { certHash, issuerSerial }; hashAlgorithm is left out because SHA-256
 * is its DEFAULT and DER omits defaults.
 */
function signingCertificateV2(certificateDer: Uint8Array, certificate: Certificate): asn1js.Sequence {
  const issuerSerial = new asn1js.Sequence({
    value: [
      new GeneralNames({ names: [new GeneralName({ type: 4, value: certificate.issuer })] }).toSchema(),
      new asn1js.Integer({ valueHex: certificate.serialNumber.valueBlock.valueHexView }),
    ],
  });
  const essCertIdV2 = new asn1js.Sequence({
    value: [new asn1js.OctetString({ valueHex: sha256(certificateDer) }), issuerSerial],
  });
  return new asn1js.Sequence({ value: [new asn1js.Sequence({ value: [essCertIdV2] })] });
}

/** DER orders the members of a SET OF by their encodings. */
function sortedAsDerSet(attributes: Attribute[]): Attribute[] {
  const encoded = attributes.map((attribute) => ({ attribute, der: Buffer.from(attribute.toSchema().toBER()) }));
  return encoded.sort((a, b) => Buffer.compare(a.der, b.der)).map(({ attribute }) => attribute);
}

function signatureAlgorithmOf(algorithm: SignatureAlgorithm): AlgorithmIdentifier {
  return algorithm === 'rsa-sha256'
    ? new AlgorithmIdentifier({ algorithmId: OID.sha256WithRsa, algorithmParams: new asn1js.Null() })
    : new AlgorithmIdentifier({ algorithmId: OID.ecdsaWithSha256 });
}
