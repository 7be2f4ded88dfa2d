import { documentClient, tableName } from '@mytabs/lambda-kit';
import { claimedEmailsRepository } from './claimed-emails-repository.ts';
import { identityRepository } from './identity-repository.ts';
import { invitationsRepository } from './invitations-repository.ts';
import { membershipsRepository } from './memberships-repository.ts';

/** Identity's table, through the container's one traced client. */
export const repository = () => identityRepository(documentClient(), tableName());

export const memberships = () => membershipsRepository(documentClient(), tableName());

export const invitations = () => invitationsRepository(documentClient(), tableName());

export const claimedEmails = () => claimedEmailsRepository(documentClient(), tableName());
