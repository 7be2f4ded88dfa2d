import type { EmailPlan, UserPoolPlan } from '@mytabs/plan';
import { RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import {
  AccountRecovery,
  Mfa,
  OAuthScope,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
  UserPoolGroup,
  UserPoolOperation,
} from 'aws-cdk-lib/aws-cognito';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

export interface ServiceUserPoolProps {
  plan: UserPoolPlan;
  /** Cognito's verification and password-reset codes go out through our SES identity. */
  email: EmailPlan;
  /** Replace every OAuth client's URLs (context overrides); the manifest's otherwise. */
  callbackUrls?: string[];
  logoutUrls?: string[];
  /** Function name -> its function, for the triggers. */
  functions: Record<string, IFunction>;
  protect: boolean;
}

const mfa = { off: Mfa.OFF, optional: Mfa.OPTIONAL, required: Mfa.REQUIRED } as const;
const scopes = {
  openid: OAuthScope.OPENID,
  profile: OAuthScope.PROFILE,
  email: OAuthScope.EMAIL,
  phone: OAuthScope.PHONE,
} as const;
const triggers = {
  postConfirmation: UserPoolOperation.POST_CONFIRMATION,
  preTokenGeneration: UserPoolOperation.PRE_TOKEN_GENERATION,
} as const;

/**
 * The plan's user pool: sign-in, password policy, MFA, groups, clients, triggers, its emails
 * from `noreply@` through our SES identity (not Cognito's default sender and its small daily
 * quota) with the stage's configuration set, and the hosted UI on its prefix domain, which the
 * clients' authorization-code flow needs.
 */
export class ServiceUserPool extends Construct {
  readonly userPool: UserPool;
  readonly clients: UserPoolClient[];

  constructor(scope: Construct, id: string, props: ServiceUserPoolProps) {
    super(scope, id);
    const { spec } = props.plan;
    const signIn = new Set(spec.signInWith);
    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: props.plan.name,
      // Buyers and organizers register themselves on keeptabs.app, as they do today.
      selfSignUpEnabled: true,
      signInAliases: {
        email: signIn.has('email'),
        username: signIn.has('username'),
        phone: signIn.has('phone'),
      },
      autoVerify: { email: signIn.has('email'), phone: signIn.has('phone') },
      keepOriginal: {
        email: spec.keepOriginalUntilVerified.includes('email'),
        phone: spec.keepOriginalUntilVerified.includes('phone'),
      },
      passwordPolicy: {
        minLength: spec.passwordPolicy.minLength,
        requireLowercase: spec.passwordPolicy.requireLowercase,
        requireUppercase: spec.passwordPolicy.requireUppercase,
        requireDigits: spec.passwordPolicy.requireDigits,
        requireSymbols: spec.passwordPolicy.requireSymbols,
      },
      mfa: mfa[spec.mfa],
      mfaSecondFactor: spec.mfa === 'off' ? undefined : { otp: true, sms: false },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      email: UserPoolEmail.withSES({
        fromEmail: props.email.from,
        fromName: 'MyTabs',
        sesRegion: Stack.of(this).region,
        sesVerifiedDomain: props.email.identity,
        configurationSetName: props.email.configurationSet.name,
      }),
      deletionProtection: props.protect,
      removalPolicy: props.protect ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    if (spec.mfa !== 'required') {
      Validations.of(this.userPool).acknowledge({
        id: 'AwsSolutions-COG2',
        reason:
          'MFA is optional, as in the user pool of today: buyers sign in to see their tickets, and organizers may turn on TOTP.',
      });
    }
    Validations.of(this.userPool).acknowledge({
      id: 'AwsSolutions-COG8',
      reason:
        'Essentials feature plan, as today; the Plus plan (threat protection) is a cost decision left to the monitoring and cost issue.',
    });
    this.userPool.addDomain('HostedUi', {
      cognitoDomain: { domainPrefix: props.plan.domainPrefix },
    });
    for (const group of spec.groups) {
      new UserPoolGroup(this, `Group-${group}`, { userPool: this.userPool, groupName: group });
    }
    this.clients = spec.clients.map((client) =>
      this.userPool.addClient(client.name, {
        userPoolClientName: client.name,
        generateSecret: false,
        authFlows: {
          userPassword: client.authFlows.includes('userPassword'),
          userSrp: client.authFlows.includes('userSrp'),
          adminUserPassword: client.authFlows.includes('adminUserPassword'),
          custom: client.authFlows.includes('custom'),
        },
        oAuth: client.oAuth && {
          flows: {
            authorizationCodeGrant: client.oAuth.flows.includes('authorizationCodeGrant'),
            implicitCodeGrant: client.oAuth.flows.includes('implicitCodeGrant'),
          },
          scopes: client.oAuth.scopes.map((s) => scopes[s]),
          callbackUrls: props.callbackUrls ?? client.oAuth.callbackUrls,
          logoutUrls: props.logoutUrls ?? client.oAuth.logoutUrls,
        },
        preventUserExistenceErrors: true,
      }),
    );
    for (const [trigger, fnName] of Object.entries(props.plan.triggers)) {
      const fn = props.functions[fnName];
      if (!fn) throw new Error(`userPool.triggers.${trigger}: no function ${fnName}`);
      this.userPool.addTrigger(triggers[trigger as keyof typeof triggers], fn);
    }
  }
}
