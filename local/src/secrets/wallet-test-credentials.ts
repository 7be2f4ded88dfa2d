import { generateKeyPairSync, randomBytes } from 'node:crypto';
import forge from 'node-forge';

const rsaKeys = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

const certificate = (
  subject: forge.pki.CertificateField[],
  publicPem: string,
  issuer: { subject: forge.pki.CertificateField[]; privatePem: string },
  isCa: boolean,
) => {
  const cert = forge.pki.createCertificate();
  cert.publicKey = forge.pki.publicKeyFromPem(publicPem);
  cert.serialNumber = `01${randomBytes(8).toString('hex')}`;
  cert.validity.notBefore = new Date(Date.now() - 60_000);
  cert.validity.notAfter = new Date(Date.now() + 5 * 365 * 86_400_000);
  cert.setSubject(subject);
  cert.setIssuer(issuer.subject);
  cert.setExtensions([
    { name: 'basicConstraints', cA: isCa },
    { name: 'keyUsage', keyCertSign: isCa, digitalSignature: true },
  ]);
  cert.sign(forge.pki.privateKeyFromPem(issuer.privatePem), forge.md.sha256.create());
  return forge.pki.certificateToPem(cert);
};

/** The local pass type and team: Apple never sees them, a wallet app would refuse the pass. */
export const LOCAL_PASS_TYPE = 'pass.app.keeptabs.local';
export const LOCAL_TEAM = 'LOCALTEST0';

/**
 * An Apple Wallet signing identity for the local platform, made at start: a self-signed test CA
 * standing for Apple's WWDR and a pass certificate it issued. Passes signed with it verify
 * against that CA, as real ones verify against WWDR; no wallet app trusts it.
 */
export const testPassCertificate = (): string => {
  const ca = rsaKeys();
  const caSubject = [
    { name: 'commonName', value: 'MyTabs local test WWDR (not Apple)' },
    { name: 'organizationName', value: 'MyTabs local platform' },
  ];
  const signer = rsaKeys();
  return JSON.stringify({
    passTypeIdentifier: LOCAL_PASS_TYPE,
    teamIdentifier: LOCAL_TEAM,
    wwdrCertPem: certificate(caSubject, ca.publicPem, { subject: caSubject, ...ca }, true),
    signerCertPem: certificate(
      [
        { name: 'commonName', value: `Pass Type ID: ${LOCAL_PASS_TYPE}` },
        // UID: where Apple's pass certificates carry the pass type identifier.
        { type: '0.9.2342.19200300.100.1.1', value: LOCAL_PASS_TYPE },
        { name: 'organizationalUnitName', value: LOCAL_TEAM },
      ],
      signer.publicPem,
      { subject: caSubject, ...ca },
      false,
    ),
    signerKeyPem: signer.privatePem,
  });
};

/** A Google service-account key for the local platform: Google would refuse its links. */
export const testGoogleServiceAccount = (): string =>
  JSON.stringify({
    type: 'service_account',
    issuerId: '3388000000000000000',
    client_email: 'wallet@mytabs-local.iam.gserviceaccount.com',
    private_key: rsaKeys().privatePem,
  });
