import type { IUserPool, IUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { CfnIdentityPool, CfnIdentityPoolRoleAttachment } from 'aws-cdk-lib/aws-cognito';
import { FederatedPrincipal, Role } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';

export interface IdentityPoolProps {
  identityPoolName: string;
  userPool: IUserPool;
  clients: IUserPoolClient[];
}

/**
 * The identity pool of today, federating the user pool's clients. Signed-in users get a role with
 * no permissions: the web apps call the API, never AWS directly; guests get no identity at all.
 */
export class IdentityPool extends Construct {
  readonly identityPool: CfnIdentityPool;

  constructor(scope: Construct, id: string, props: IdentityPoolProps) {
    super(scope, id);
    this.identityPool = new CfnIdentityPool(this, 'IdentityPool', {
      identityPoolName: props.identityPoolName,
      allowUnauthenticatedIdentities: false,
      cognitoIdentityProviders: props.clients.map((client) => ({
        clientId: client.userPoolClientId,
        providerName: props.userPool.userPoolProviderName,
        serverSideTokenCheck: true,
      })),
    });
    const authenticated = new Role(this, 'AuthenticatedRole', {
      description: `Signed-in users of ${props.identityPoolName}: no AWS permissions`,
      assumedBy: new FederatedPrincipal(
        'cognito-identity.amazonaws.com',
        {
          StringEquals: { 'cognito-identity.amazonaws.com:aud': this.identityPool.ref },
          'ForAnyValue:StringLike': { 'cognito-identity.amazonaws.com:amr': 'authenticated' },
        },
        'sts:AssumeRoleWithWebIdentity',
      ),
    });
    new CfnIdentityPoolRoleAttachment(this, 'Roles', {
      identityPoolId: this.identityPool.ref,
      roles: { authenticated: authenticated.roleArn },
    });
  }
}
