console.error(
  'The local platform is not built yet: the AWS edge, local Lambda, DynamoDB, SES, Secrets Manager,\n' +
    'EventBridge, Step Functions, the API, Cognito and the Stripe emulator are still to come.',
);
process.exitCode = 1;
