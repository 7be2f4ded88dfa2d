import { defineManifest } from '@mytabs/contracts';

/** identity: users, businesses (organizers), the user pool and the API authorizer. */
export const manifest = defineManifest({
  service: 'identity',
  table: {
    partitionKey: { name: 'pk', type: 'S' },
    sortKey: { name: 'sk', type: 'S' },
    indexes: [
      {
        name: 'byBusiness',
        partitionKey: { name: 'businessId', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
      },
    ],
  },
  userPool: {
    name: 'mytabs-core-user-pool',
    signInWith: ['email'],
    passwordPolicy: {
      minLength: 8,
      requireLowercase: true,
      requireUppercase: true,
      requireDigits: true,
      requireSymbols: true,
    },
    mfa: 'optional',
    groups: ['organizer', 'staff', 'admin'],
    clients: [
      {
        name: 'keeptabs-web-client',
        authFlows: ['userPassword', 'userSrp'],
        oAuth: {
          flows: ['authorizationCodeGrant'],
          scopes: ['openid', 'profile', 'email'],
          callbackUrls: [
            'https://keeptabs.app/callback',
            'https://keeptabs.app/login',
            'https://ticket.keeptabs.app/callback',
          ],
          logoutUrls: ['https://keeptabs.app/login', 'https://ticket.keeptabs.app/login'],
        },
      },
    ],
  },
});
