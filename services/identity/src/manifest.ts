import { defineManifest, routes } from '@mytabs/contracts';

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
  secrets: ['order-token-key'],
  functions: {
    authorize: {
      entry: 'src/handlers/authorize.ts',
      timeoutS: 5,
      uses: { table: 'read', secrets: ['order-token-key'], userPool: true },
    },
    issueOrderToken: {
      entry: 'src/handlers/issue-order-token.ts',
      invokedBy: ['orders'],
      uses: { secrets: ['order-token-key'] },
    },
    lookupBusiness: {
      entry: 'src/handlers/lookup-business.ts',
      invokedBy: ['ticketing'],
      uses: { table: 'read' },
    },
    onUserConfirmed: {
      entry: 'src/handlers/on-user-confirmed.ts',
      uses: { table: 'write', bus: true },
    },
    getMe: { entry: 'src/handlers/get-me.ts', http: routes.getMe, uses: { table: 'read' } },
    updateMe: {
      entry: 'src/handlers/update-me.ts',
      http: routes.updateMe,
      uses: { table: 'write' },
    },
    createBusiness: {
      entry: 'src/handlers/create-business.ts',
      http: routes.createBusiness,
      uses: { table: 'write', bus: true },
    },
    getBusiness: {
      entry: 'src/handlers/get-business.ts',
      http: routes.getBusiness,
      uses: { table: 'read' },
    },
  },
  authorizer: 'authorize',
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
    // Orders are shown to the buyer whose verified email they carry: a changed, unverified
    // address must not be what the token says.
    keepOriginalUntilVerified: ['email'],
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
    triggers: { postConfirmation: 'onUserConfirmed' },
  },
});
