import { randomUUID } from 'node:crypto';
import { AwsError, type EdgeRequest, type EdgeResponse } from '../edge/aws-service.ts';
import { faultOf, queryErrorCode } from './sqs-errors.ts';
import type { SqsOperation } from './sqs-operations.ts';

const XMLNS = 'http://queue.amazonaws.com/doc/2012-11-05/';

/** Flattened lists of the query protocol (`AttributeName.1=All`) and the JSON member they fill. */
const LISTS: Record<string, string> = {
  AttributeName: 'AttributeNames',
  MessageSystemAttributeName: 'MessageSystemAttributeNames',
  MessageAttributeName: 'MessageAttributeNames',
};
const NUMBERS = new Set([
  'MaxResults',
  'MaxNumberOfMessages',
  'VisibilityTimeout',
  'WaitTimeSeconds',
]);

/** The form's parameters in the JSON protocol's shape, so both protocols share one operation. */
export const queryInput = (form: URLSearchParams): Record<string, unknown> => {
  const input: Record<string, unknown> = Object.create(null);
  const lists = new Map<string, [number, string][]>();
  for (const [key, value] of form) {
    const [name = '', index] = key.split('.');
    const list = LISTS[name];
    if (list && index !== undefined) {
      lists.set(list, [...(lists.get(list) ?? []), [Number(index), value]]);
    } else if (key !== 'Action' && key !== 'Version') {
      input[key] = NUMBERS.has(key) && /^-?\d+$/.test(value) ? Number(value) : value;
    }
  }
  for (const [list, entries] of lists) {
    input[list] = entries.sort(([a], [b]) => a - b).map(([, value]) => value);
  }
  return input;
};

const escapeXml = (text: string) =>
  text.replace(
    /[&<>"'\r]/g,
    (c) =>
      ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\r': '&#xD;' })[
        c
      ] as string,
  );

const element = (name: string, content: string) => `<${name}>${content}</${name}>`;

/** A JSON-shaped result as SQS's XML: lists flattened, maps as Name/Value pairs. */
const toXml = (value: Record<string, unknown>): string =>
  Object.entries(value)
    .map(([key, member]) => {
      if (key === 'QueueUrls') {
        return (member as string[]).map((url) => element('QueueUrl', escapeXml(url))).join('');
      }
      if (key === 'Messages') {
        return (member as Record<string, unknown>[])
          .map((message) => element('Message', toXml(message)))
          .join('');
      }
      if (key === 'Attributes' || key === 'MessageAttributes') {
        const entry = key === 'Attributes' ? 'Attribute' : 'MessageAttribute';
        return Object.entries(member as Record<string, unknown>)
          .map(([name, attribute]) =>
            element(
              entry,
              element('Name', escapeXml(name)) +
                element(
                  'Value',
                  typeof attribute === 'string'
                    ? escapeXml(attribute)
                    : toXml(attribute as Record<string, unknown>),
                ),
            ),
          )
          .join('');
      }
      return element(key, escapeXml(String(member)));
    })
    .join('');

const xml = (status: number, body: string): EdgeResponse => ({
  status,
  headers: { 'content-type': 'text/xml', 'x-amzn-requestid': randomUUID() },
  body: `<?xml version="1.0"?>${body}`,
});

const metadata = () => element('ResponseMetadata', element('RequestId', randomUUID()));

const fail = (error: AwsError) =>
  xml(
    error.status,
    `<ErrorResponse xmlns="${XMLNS}">${element(
      'Error',
      element('Type', faultOf(error.status)) +
        element('Code', queryErrorCode(error.code)) +
        element('Message', escapeXml(error.message)) +
        '<Detail/>',
    )}${element('RequestId', randomUUID())}</ErrorResponse>`,
  );

/** A form-encoded `Action=...` request, answered in XML: what the AWS CLI v2 up to 2.12 sends. */
export const answerQuery = async (
  operations: Record<string, SqsOperation>,
  request: EdgeRequest,
): Promise<EdgeResponse> => {
  const form = new URLSearchParams(
    request.method === 'GET' ? request.query : request.body.toString('utf8'),
  );
  const action = form.get('Action') ?? '';
  const operation = Object.hasOwn(operations, action) ? operations[action] : undefined;
  if (!operation) {
    return fail(
      new AwsError('InvalidAction', `The action ${action} is not valid for this endpoint.`),
    );
  }
  try {
    const result = (await operation(queryInput(form))) as Record<string, unknown>;
    const inner = Object.keys(result).length > 0 ? element(`${action}Result`, toXml(result)) : '';
    return xml(
      200,
      `<${action}Response xmlns="${XMLNS}">${inner}${metadata()}</${action}Response>`,
    );
  } catch (error) {
    if (error instanceof AwsError) return fail(error);
    throw error;
  }
};
