/** The `Authorization` header's value, whatever the header's case. */
export const authorizationHeader = (
  headers: Record<string, string | undefined> | null | undefined,
) => Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization')?.[1];

/** The token of an `Authorization: Bearer <token>` header. */
export const bearerToken = (headers: Record<string, string | undefined> | null | undefined) =>
  /^Bearer\s+(\S+)$/i.exec(authorizationHeader(headers) ?? '')?.[1];
