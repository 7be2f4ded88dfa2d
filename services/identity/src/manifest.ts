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
      // One Query reads the caller's profile and memberships (they share the user's partition).
      uses: { table: ['Query'], secrets: ['order-token-key'], userPool: true },
    },
    issueOrderToken: {
      entry: 'src/handlers/issue-order-token.ts',
      // orders for the checkout's answer, notifications for the link in the confirmation.
      invokedBy: ['orders', 'notifications'],
      uses: { secrets: ['order-token-key'] },
    },
    lookupBusiness: {
      entry: 'src/handlers/lookup-business.ts',
      invokedBy: ['ticketing'],
      uses: { table: ['GetItem'] },
    },
    onUserConfirmed: {
      entry: 'src/handlers/on-user-confirmed.ts',
      uses: { table: ['PutItem'], bus: true },
    },
    getMe: {
      entry: 'src/handlers/get-me.ts',
      http: routes.getMe,
      // PutItem: a signed-in user whose confirmation trigger never ran gets a profile from the token.
      uses: { table: ['Query', 'PutItem'] },
    },
    updateMe: {
      entry: 'src/handlers/update-me.ts',
      http: routes.updateMe,
      uses: { table: ['Query', 'PutItem', 'UpdateItem'] },
    },
    createBusiness: {
      entry: 'src/handlers/create-business.ts',
      http: routes.createBusiness,
      uses: { table: ['PutItem'], bus: true },
    },
    getBusiness: {
      entry: 'src/handlers/get-business.ts',
      http: routes.getBusiness,
      uses: { table: ['GetItem'] },
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
