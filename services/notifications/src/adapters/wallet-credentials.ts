import { ApplePassCertificate, GoogleWalletServiceAccount } from '@mytabs/contracts';
import { secretValue } from '@mytabs/lambda-kit';

/** Apple's pass signing identity (certificate, key, WWDR) from Secrets Manager. */
export const applePassCertificate = async () =>
  ApplePassCertificate.parse(await secretValue('apple-pass-certificate'));

/** The Google Wallet service account that signs save links, from Secrets Manager. */
export const googleWalletServiceAccount = async () =>
  GoogleWalletServiceAccount.parse(await secretValue('google-wallet-service-account'));

/** The key of the emails' signed download links (our own, generated where it lives). */
export const downloadLinkKey = () => secretValue('download-link-signing-key');
