import { ApplePassCertificate, GoogleWalletServiceAccount } from '@mytabs/contracts';
import { HttpProblem, logger, secretValue } from '@mytabs/lambda-kit';

/**
 * Apple's pass signing identity (certificate, key, WWDR) from Secrets Manager. Until an operator
 * puts it (CloudFormation's placeholder is no certificate), a pass download answers 503.
 */
export const applePassCertificate = async () => {
  const parsed = ApplePassCertificate.safeParse(await secretValue('apple-pass-certificate'));
  if (!parsed.success) {
    throw new HttpProblem(503, 'Wallet passes are not available yet: try the PDF.', {
      code: 'wallet-not-configured',
    });
  }
  return parsed.data;
};

/**
 * The Google Wallet service account that signs save links, from Secrets Manager; undefined until
 * an operator puts it, so emails go without the link rather than not at all.
 */
export const googleWalletServiceAccount = async () => {
  const parsed = GoogleWalletServiceAccount.safeParse(
    await secretValue('google-wallet-service-account'),
  );
  if (!parsed.success)
    logger.warn('No Google Wallet service account yet: emails go without the link');
  return parsed.success ? parsed.data : undefined;
};

/** The key of the emails' signed download links (our own, generated where it lives). */
export const downloadLinkKey = () => secretValue('download-link-signing-key');
