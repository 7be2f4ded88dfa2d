import { createHash } from 'node:crypto';

/** A message attribute as SQS keeps it (the dead-letter writers only use strings). */
export interface MessageAttribute {
  DataType: 'String';
  StringValue: string;
}

export const md5OfBody = (body: string) => createHash('md5').update(body, 'utf8').digest('hex');

const lengthPrefixed = (text: string) => {
  const bytes = Buffer.from(text, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(bytes.length);
  return [length, bytes];
};

/** String/Number values are transported as type 1, Binary as 2. */
const STRING_TRANSPORT = Buffer.from([1]);

/**
 * SQS's digest of the attributes it returns (name order, each part length-prefixed), which SDKs
 * check against the attributes they received: a wrong one fails their ReceiveMessage.
 */
export const md5OfMessageAttributes = (attributes: Record<string, MessageAttribute>) =>
  createHash('md5')
    .update(
      Buffer.concat(
        Object.keys(attributes)
          .sort()
          .flatMap((name) => {
            const attribute = attributes[name] as MessageAttribute;
            return [
              ...lengthPrefixed(name),
              ...lengthPrefixed(attribute.DataType),
              STRING_TRANSPORT,
              ...lengthPrefixed(attribute.StringValue),
            ];
          }),
      ),
    )
    .digest('hex');
