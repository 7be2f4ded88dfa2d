import type { ApplePassCertificate } from '@mytabs/contracts';
import { PKPass } from 'passkit-generator';
import { passJson, type WalletTicket } from '../domain/wallet-pass.ts';
import { passIconPng } from './pass-icon.ts';

/**
 * A ticket as a signed `.pkpass`: a zip of `pass.json`, the icons, `manifest.json` (each file's
 * SHA-1) and `signature`, a detached PKCS#7 signature of the manifest by the pass certificate,
 * which carries Apple's WWDR certificate beside its own (passkit-generator does the zip and the
 * signature, with node-forge).
 */
export const appleWalletPass = (ticket: WalletTicket, certificate: ApplePassCertificate) => {
  const pass = new PKPass(
    {
      'pass.json': Buffer.from(
        JSON.stringify({
          ...passJson(ticket),
          passTypeIdentifier: certificate.passTypeIdentifier,
          teamIdentifier: certificate.teamIdentifier,
        }),
      ),
      'icon.png': passIconPng,
      'icon@2x.png': passIconPng,
    },
    {
      wwdr: certificate.wwdrCertPem,
      signerCert: certificate.signerCertPem,
      signerKey: certificate.signerKeyPem,
    },
  );
  return pass.getAsBuffer();
};
