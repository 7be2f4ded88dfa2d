/** The token of an `Authorization: Bearer <token>` header, whatever the header's case. */
export const bearerToken = (headers: Record<string, string | undefined> | null | undefined) => {
  const entry = Object.entries(headers ?? {}).find(([k]) => k.toLowerCase() === 'authorization');
  const match = /^Bearer\s+(\S+)$/i.exec(entry?.[1] ?? '');
  return match?.[1];
};
