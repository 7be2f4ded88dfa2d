/**
 * The function a `FunctionName` parameter names, in any form Lambda accepts: `name`,
 * `name:qualifier`, `123456789012:function:name` or the full ARN. Only `$LATEST` exists locally.
 */
export const parseFunctionName = (
  id: string,
): { name: string; qualifier: string | undefined } | undefined => {
  const match =
    /^(?:arn:aws[a-z-]*:lambda:[a-z0-9-]+:\d{12}:function:|\d{12}:function:)?([A-Za-z0-9_-]{1,64})(?::([A-Za-z0-9_$-]{1,128}))?$/.exec(
      id,
    );
  return match?.[1] ? { name: match[1], qualifier: match[2] } : undefined;
};
