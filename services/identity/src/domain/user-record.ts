/** A user's profile as identity keeps it: created at confirmation, edited by the user. */
export interface UserRecord {
  userId: string;
  cognitoSub: string;
  email: string;
  name?: string;
  phone?: string;
  createdAt: string;
}
