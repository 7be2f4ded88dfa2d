/**
 * The query protocol's code for each SQS error (the JSON protocol names it by its shape, the
 * query protocol and the `x-amzn-query-error` header by this), and who is at fault.
 */
const QUERY_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  MessageNotInflight: 'AWS.SimpleQueueService.MessageNotInflight',
  UnsupportedOperation: 'AWS.SimpleQueueService.UnsupportedOperation',
};

export const queryErrorCode = (code: string) => QUERY_CODES[code] ?? code;

export const faultOf = (status: number) => (status >= 500 ? 'Receiver' : 'Sender');
