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
      {
        name: 'invitationsByEmail',
        partitionKey: { name: 'invitee', type: 'S' },
        sortKey: { name: 'sk', type: 'S' },
      },
    ],
  },
  secrets: ['order-token-key'],
  functions: {
    authorize: {
      entry: 'src/handlers/authorize.ts',
      timeoutS: 5,
      // One Query reads the caller's profile and memberships (they share the user's partition);
      // the rest claims the invitations of a verified email the first time a token carries it.
      uses: {
        table: ['Query', 'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        bus: true,
        secrets: ['order-token-key'],
        userPool: true,
      },
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
      // Beyond the profile's PutItem: claiming the invitations of the email it verified.
      uses: { table: ['Query', 'GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'], bus: true },
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
      // Query: the owner's email from their profile when their token carries none.
      uses: { table: ['Query', 'PutItem'], bus: true },
    },
    getBusiness: {
      entry: 'src/handlers/get-business.ts',
      http: routes.getBusiness,
      uses: { table: ['GetItem'] },
    },
    listMyBusinesses: {
      entry: 'src/handlers/list-my-businesses.ts',
      http: routes.listMyBusinesses,
      uses: { table: ['GetItem'] },
    },
    listMembers: {
      entry: 'src/handlers/list-members.ts',
      http: routes.listMembers,
      uses: { table: ['Query'] },
    },
    addMember: {
      entry: 'src/handlers/add-member.ts',
      http: routes.addMember,
      timeoutS: 20,
      // DeleteItem: an invitation accepted at once, when its email was verified meanwhile.
      uses: {
        table: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
        bus: true,
        email: true,
      },
    },
    changeMemberRole: {
      entry: 'src/handlers/change-member-role.ts',
      http: routes.changeMemberRole,
      uses: { table: ['GetItem', 'UpdateItem'], bus: true },
    },
    removeMember: {
      entry: 'src/handlers/remove-member.ts',
      http: routes.removeMember,
      uses: { table: ['GetItem', 'UpdateItem', 'DeleteItem'], bus: true },
    },
    cancelInvitation: {
      entry: 'src/handlers/cancel-invitation.ts',
      http: routes.cancelInvitation,
      uses: { table: ['GetItem', 'DeleteItem'], bus: true },
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
