import { documentClient, tableName } from '@mytabs/lambda-kit';
import { identityRepository } from './identity-repository.ts';

/** Identity's table, through the container's one traced client. */
export const repository = () => identityRepository(documentClient(), tableName());
