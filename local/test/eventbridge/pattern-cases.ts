/**
 * Pattern/event pairs taken from AWS's documentation of event patterns, of each comparison
 * operator and of the open-source aws/event-ruler, with the answer AWS documents.
 */
export interface PatternCase {
  name: string;
  pattern: Record<string, unknown>;
  event: Record<string, unknown>;
  matches: boolean;
}

/** The EC2 state-change event the documentation's examples run against. */
export const ec2Event = {
  version: '0',
  id: '6a7e8feb-b491-4cf7-a9f1-bf3703467718',
  'detail-type': 'EC2 Instance State-change Notification',
  source: 'aws.ec2',
  account: '111122223333',
  time: '2017-10-02T16:24:49Z',
  region: 'us-east-1',
  resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'],
  detail: {
    'c-count': 5,
    'd-count': 3,
    'x-limit': 301.8,
    'source-ip': '10.0.0.33',
    'instance-id': 'i-000000aaaaaa00000',
    state: 'running',
  },
};

const withDetail = (detail: Record<string, unknown>) => ({ ...ec2Event, detail });

export const basicCases: PatternCase[] = [
  {
    name: 'source, detail-type and a nested detail field all match',
    pattern: {
      source: ['aws.ec2'],
      'detail-type': ['EC2 Instance State-change Notification'],
      detail: { state: ['running'] },
    },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'a nested field with another value does not match',
    pattern: { source: ['aws.ec2'], detail: { state: ['terminated'] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'OR within a value list',
    pattern: { detail: { state: ['initializing', 'running'] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'AND across fields: one field failing fails the pattern',
    pattern: { source: ['aws.ec2'], region: ['eu-west-1'] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'a field named in the pattern must exist in the event',
    pattern: { detail: { 'no-such-field': ['x'] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'matching is case-sensitive',
    pattern: { source: ['AWS.EC2'] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'fields of the event not in the pattern are ignored',
    pattern: { 'detail-type': ['EC2 Instance State-change Notification'] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'an array in the event matches when any element is in the list (resources)',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-000000aaaaaa00000'] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'event array and pattern list intersect: matches',
    pattern: { resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f', 'x'] },
    event: {
      ...ec2Event,
      resources: [
        'arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f',
        'arn:aws:ec2:us-east-1:111122223333:instance/i-b188560f',
      ],
    },
    matches: true,
  },
  {
    name: 'event array and pattern list disjoint: no match',
    pattern: { resources: ['arn:aws:ec2:us-east-1:444455556666:instance/i-b188560f'] },
    event: {
      ...ec2Event,
      resources: ['arn:aws:ec2:us-east-1:123456789012:instance/i-b188560f'],
    },
    matches: false,
  },
  {
    name: 'a number matches numerically equal numbers (300 vs 3.0e2)',
    pattern: { detail: { price: [300] } },
    event: withDetail(JSON.parse('{"price": 3.0e2}')),
    matches: true,
  },
  {
    name: 'a number never matches a string of the same digits',
    pattern: { detail: { price: [300] } },
    event: withDetail({ price: '300' }),
    matches: false,
  },
  {
    name: 'a string never matches a number',
    pattern: { detail: { price: ['300'] } },
    event: withDetail({ price: 300 }),
    matches: false,
  },
  {
    name: 'boolean true matches true',
    pattern: { detail: { enabled: [true] } },
    event: withDetail({ enabled: true }),
    matches: true,
  },
  {
    name: 'boolean true does not match the string "true"',
    pattern: { detail: { enabled: [true] } },
    event: withDetail({ enabled: 'true' }),
    matches: false,
  },
  {
    name: 'null matches a null value (eb-event-patterns-null-values)',
    pattern: { detail: { responseElements: [null] } },
    event: withDetail({ eventName: 'StopInstances', responseElements: null }),
    matches: true,
  },
  {
    name: 'null does not match an absent field',
    pattern: { detail: { responseElements: [null] } },
    event: withDetail({ eventName: 'StopInstances' }),
    matches: false,
  },
  {
    name: 'null does not match an empty string',
    pattern: { detail: { eventVersion: [null] } },
    event: withDetail({ eventVersion: '' }),
    matches: false,
  },
  {
    name: 'the empty string matches an empty string value',
    pattern: { detail: { eventVersion: [''] } },
    event: withDetail({ eventVersion: '' }),
    matches: true,
  },
  {
    name: 'the empty string does not match null',
    pattern: { detail: { eventVersion: [''] } },
    event: withDetail({ eventVersion: null }),
    matches: false,
  },
  {
    name: 'null or empty string in one list (LastName is empty)',
    pattern: { detail: { LastName: ['', null] } },
    event: withDetail({ LastName: null }),
    matches: true,
  },
  {
    name: 'an object in an array of objects matches (employees.firstName)',
    pattern: { detail: { employees: { firstName: ['Anna'] } } },
    event: withDetail({
      employees: [
        { firstName: 'John', lastName: 'Doe' },
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    }),
    matches: true,
  },
  {
    name: 'multi-level arrays of objects are crushed out',
    pattern: { detail: { employees: { firstName: ['Peter'] } } },
    event: withDetail({
      employees: [
        [
          { firstName: 'John', lastName: 'Doe' },
          { firstName: 'Anna', lastName: 'Smith' },
        ],
        [{ firstName: 'Peter', lastName: 'Jones' }],
      ],
    }),
    matches: true,
  },
  {
    name: 'fields from different array elements never combine (Anna/Jones)',
    pattern: { detail: { employees: { firstName: ['Anna'], lastName: ['Jones'] } } },
    event: withDetail({
      employees: [
        { firstName: 'Anna', lastName: 'Smith' },
        { firstName: 'Peter', lastName: 'Jones' },
      ],
    }),
    matches: false,
  },
  {
    name: 'a nested pattern does not match a leaf value',
    pattern: { detail: { state: { name: ['running'] } } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'a value list does not match an object',
    pattern: { detail: { state: ['running'] } },
    event: withDetail({ state: { name: 'running' } }),
    matches: false,
  },
];

export const stringOperatorCases: PatternCase[] = [
  {
    name: 'prefix on time (2017-10-02)',
    pattern: { time: [{ prefix: '2017-10-02' }] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'prefix not present',
    pattern: { time: [{ prefix: '2017-10-03' }] },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'prefix: Auto Scaling events from European regions (eu-)',
    pattern: { source: ['aws.autoscaling'], region: [{ prefix: 'eu-' }] },
    event: { ...ec2Event, source: 'aws.autoscaling', region: 'eu-west-1' },
    matches: true,
  },
  {
    name: 'prefix only works on strings',
    pattern: { detail: { 'c-count': [{ prefix: '5' }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'prefix with equals-ignore-case (EventB)',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: withDetail({ service: 'eventbridge' }),
    matches: true,
  },
  {
    name: 'prefix with equals-ignore-case: other letters do not match',
    pattern: { detail: { service: [{ prefix: { 'equals-ignore-case': 'EventB' } }] } },
    event: withDetail({ service: 'events' }),
    matches: false,
  },
  {
    name: 'suffix .png',
    pattern: { detail: { FileName: [{ suffix: '.png' }] } },
    event: withDetail({ FileName: 'image.png' }),
    matches: true,
  },
  {
    name: 'suffix is case-sensitive',
    pattern: { detail: { FileName: [{ suffix: '.png' }] } },
    event: withDetail({ FileName: 'image.PNG' }),
    matches: false,
  },
  {
    name: 'suffix with equals-ignore-case (.png vs .PNG)',
    pattern: { detail: { FileName: [{ suffix: { 'equals-ignore-case': '.png' } }] } },
    event: withDetail({ FileName: 'image.PNG' }),
    matches: true,
  },
  {
    name: 'suffix with equals-ignore-case (tbridge)',
    pattern: { detail: { service: [{ suffix: { 'equals-ignore-case': 'tBridge' } }] } },
    event: withDetail({ service: 'EVENTBRIDGE' }),
    matches: true,
  },
  {
    name: 'suffix on source (ec2)',
    pattern: { source: [{ suffix: 'ec2' }] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'equals-ignore-case (alice vs Alice)',
    pattern: { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } },
    event: withDetail({ Name: 'Alice' }),
    matches: true,
  },
  {
    name: 'equals-ignore-case is still an equality',
    pattern: { detail: { Name: [{ 'equals-ignore-case': 'alice' }] } },
    event: withDetail({ Name: 'Alicia' }),
    matches: false,
  },
  {
    name: 'equals-ignore-case on source (EC2)',
    pattern: { source: [{ 'equals-ignore-case': 'AWS.EC2' }] },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'wildcard: dir/*.png',
    pattern: { detail: { FilePath: [{ wildcard: 'dir/*.png' }] } },
    event: withDetail({ FilePath: 'dir/folder/file.png' }),
    matches: true,
  },
  {
    name: 'wildcard: dir/*.png does not match another folder',
    pattern: { detail: { FilePath: [{ wildcard: 'dir/*.png' }] } },
    event: withDetail({ FilePath: 'other/file.png' }),
    matches: false,
  },
  {
    name: 'wildcard * matches zero characters (Simple*Service)',
    pattern: { source: [{ wildcard: 'Simple*Service' }] },
    event: { ...ec2Event, source: 'SimpleService' },
    matches: true,
  },
  {
    name: 'wildcard with several stars (*Title*)',
    pattern: { detail: { name: [{ wildcard: '*Title*' }] } },
    event: withDetail({ name: 'The Title Page' }),
    matches: true,
  },
  {
    name: 'wildcard: S3 key of stock XYZ (*/XYZ/*)',
    pattern: { detail: { object: { key: [{ wildcard: '*/XYZ/*' }] } } },
    event: withDetail({ object: { key: '2023/06/21/XYZ/trades.csv' } }),
    matches: true,
  },
  {
    name: 'wildcard: an escaped asterisk matches only an asterisk',
    pattern: { detail: { name: [{ wildcard: 'a\\*b' }] } },
    event: withDetail({ name: 'axb' }),
    matches: false,
  },
  {
    name: 'wildcard: an escaped asterisk matches a literal asterisk',
    pattern: { detail: { name: [{ wildcard: 'a\\*b' }] } },
    event: withDetail({ name: 'a*b' }),
    matches: true,
  },
  {
    name: 'wildcard: an escaped backslash matches a backslash',
    pattern: { detail: { path: [{ wildcard: 'C:\\\\*' }] } },
    event: withDetail({ path: 'C:\\Windows' }),
    matches: true,
  },
  {
    name: 'wildcard only works on strings',
    pattern: { detail: { 'c-count': [{ wildcard: '*' }] } },
    event: ec2Event,
    matches: false,
  },
];

export const anythingButCases: PatternCase[] = [
  {
    name: 'anything-but a string: another value matches',
    pattern: { detail: { state: [{ 'anything-but': 'initializing' }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but a string: that value does not match',
    pattern: { detail: { state: [{ 'anything-but': 'running' }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but a number (123 vs 301.8)',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 123 }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but a number: that number does not match',
    pattern: { detail: { 'x-limit': [{ 'anything-but': 301.8 }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but a list of strings (stopped, overloaded)',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'overloaded'] }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but a list of strings: a listed value does not match',
    pattern: { detail: { state: [{ 'anything-but': ['stopped', 'running'] }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but a list of numbers (100, 200, 300)',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: withDetail({ 'x-limit': 300 }),
    matches: false,
  },
  {
    name: 'anything-but a list of numbers: another number matches',
    pattern: { detail: { 'x-limit': [{ 'anything-but': [100, 200, 300] }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but prefix (init) vs running',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but prefix (init) vs initializing',
    pattern: { detail: { state: [{ 'anything-but': { prefix: 'init' } }] } },
    event: withDetail({ state: 'initializing' }),
    matches: false,
  },
  {
    name: 'anything-but prefix: Region not in the US',
    pattern: { region: [{ 'anything-but': { prefix: 'us-' } }] },
    event: { ...ec2Event, region: 'eu-central-1' },
    matches: true,
  },
  {
    name: 'anything-but suffix (.txt) vs a .png file',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.txt' } }] } },
    event: withDetail({ FileName: 'photo.png' }),
    matches: true,
  },
  {
    name: 'anything-but suffix (.png) vs a .png file',
    pattern: { detail: { FileName: [{ 'anything-but': { suffix: '.png' } }] } },
    event: withDetail({ FileName: 'photo.png' }),
    matches: false,
  },
  {
    name: 'anything-but equals-ignore-case: INITIALIZING is excluded',
    pattern: { detail: { state: [{ 'anything-but': { 'equals-ignore-case': 'initializing' } }] } },
    event: withDetail({ state: 'INITIALIZING' }),
    matches: false,
  },
  {
    name: 'anything-but equals-ignore-case list (Stopped, OverLoaded)',
    pattern: {
      detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] },
    },
    event: withDetail({ state: 'overloaded' }),
    matches: false,
  },
  {
    name: 'anything-but equals-ignore-case list: another value matches',
    pattern: {
      detail: { state: [{ 'anything-but': { 'equals-ignore-case': ['Stopped', 'OverLoaded'] } }] },
    },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'anything-but wildcard (*/lib/*) excludes a lib path',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: withDetail({ FilePath: '/usr/lib/libc.so' }),
    matches: false,
  },
  {
    name: 'anything-but wildcard (*/lib/*) lets another path through',
    pattern: { detail: { FilePath: [{ 'anything-but': { wildcard: '*/lib/*' } }] } },
    event: withDetail({ FilePath: '/usr/bin/env' }),
    matches: true,
  },
  {
    name: 'anything-but wildcard list (*/lib/*, */bin/*)',
    pattern: {
      detail: { FilePath: [{ 'anything-but': { wildcard: ['*/lib/*', '*/bin/*'] } }] },
    },
    event: withDetail({ FilePath: '/usr/bin/env' }),
    matches: false,
  },
  {
    name: 'anything-but needs the field to exist',
    pattern: { detail: { Weather: [{ 'anything-but': 'Raining' }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'anything-but in an array: one other element is enough',
    pattern: { detail: { tags: [{ 'anything-but': 'red' }] } },
    event: withDetail({ tags: ['red', 'blue'] }),
    matches: true,
  },
];

export const numericCases: PatternCase[] = [
  {
    name: 'numeric: the documented c-count / d-count / x-limit example',
    pattern: {
      detail: {
        'c-count': [{ numeric: ['>', 0, '<=', 5] }],
        'd-count': [{ numeric: ['<', 10] }],
        'x-limit': [{ numeric: ['=', 3.018e2] }],
      },
    },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'numeric: closed upper bound is inclusive (<= 5 vs 5)',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<=', 5] }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'numeric: open upper bound excludes the bound (< 5 vs 5)',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 0, '<', 5] }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'numeric: open lower bound excludes the bound (> 5 vs 5)',
    pattern: { detail: { 'c-count': [{ numeric: ['>', 5] }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'numeric: >= includes the bound',
    pattern: { detail: { 'c-count': [{ numeric: ['>=', 5] }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'numeric: Price is more than 10 and at most 20 (15)',
    pattern: { detail: { Price: [{ numeric: ['>', 10, '<=', 20] }] } },
    event: withDetail({ Price: 15 }),
    matches: true,
  },
  {
    name: 'numeric: Price is more than 10 and at most 20 (25)',
    pattern: { detail: { Price: [{ numeric: ['>', 10, '<=', 20] }] } },
    event: withDetail({ Price: 25 }),
    matches: false,
  },
  {
    name: 'numeric: equality (Price is 100) with 1.0e2',
    pattern: { detail: { Price: [{ numeric: ['=', 100] }] } },
    event: withDetail(JSON.parse('{"Price": 1.0e2}')),
    matches: true,
  },
  {
    name: 'numeric only matches numbers, never numeric strings',
    pattern: { detail: { Price: [{ numeric: ['=', 100] }] } },
    event: withDetail({ Price: '100' }),
    matches: false,
  },
  {
    name: 'numeric with negative and fractional bounds',
    pattern: { detail: { t: [{ numeric: ['>=', -1.5, '<', 0] }] } },
    event: withDetail({ t: -0.25 }),
    matches: true,
  },
  {
    name: 'numeric in an array: any element in range',
    pattern: { detail: { scores: [{ numeric: ['>', 90] }] } },
    event: withDetail({ scores: [12, 95] }),
    matches: true,
  },
  {
    name: 'cidr: 10.0.0.0/24 contains 10.0.0.33',
    pattern: { detail: { 'source-ip': [{ cidr: '10.0.0.0/24' }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'cidr: 10.0.0.0/24 does not contain 10.0.1.1',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/24' }] } },
    event: withDetail({ sourceIPAddress: '10.0.1.1' }),
    matches: false,
  },
  {
    name: 'cidr: IPv6 2001:db8::/32 contains 2001:db8::ff00:42:8329',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    event: withDetail({ sourceIPAddress: '2001:db8::ff00:42:8329' }),
    matches: true,
  },
  {
    name: 'cidr: IPv6 block does not contain another IPv6 address',
    pattern: { detail: { sourceIPAddress: [{ cidr: '2001:db8::/32' }] } },
    event: withDetail({ sourceIPAddress: '2001:db9::1' }),
    matches: false,
  },
  {
    name: 'cidr: a non-address string does not match',
    pattern: { detail: { sourceIPAddress: [{ cidr: '10.0.0.0/8' }] } },
    event: withDetail({ sourceIPAddress: 'localhost' }),
    matches: false,
  },
];

export const existsCases: PatternCase[] = [
  {
    name: 'exists true: the field is present',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'exists true: the field is absent',
    pattern: { detail: { ProductName: [{ exists: true }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'exists false: the field is absent',
    pattern: { detail: { ProductName: [{ exists: false }] } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'exists false: the field is present',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: ec2Event,
    matches: false,
  },
  {
    name: 'exists false matches an intermediate node (c-count is an object, not a leaf)',
    pattern: { detail: { 'c-count': [{ exists: false }] } },
    event: withDetail({ state: ['initializing', 'running'], 'c-count': { c1: 100 } }),
    matches: true,
  },
  {
    name: 'exists true does not match an intermediate node',
    pattern: { detail: { 'c-count': [{ exists: true }] } },
    event: withDetail({ 'c-count': { c1: 100 } }),
    matches: false,
  },
  {
    name: 'exists true matches a null value (the field is there)',
    pattern: { detail: { UserID: [{ exists: true }] } },
    event: withDetail({ UserID: null }),
    matches: true,
  },
  {
    name: 'exists false matches when the whole parent is absent',
    pattern: { detail: { error: { code: [{ exists: false }] } } },
    event: ec2Event,
    matches: true,
  },
  {
    name: 'exists false beside another value in one list',
    pattern: { detail: { priority: ['high', { exists: false }] } },
    event: withDetail({ priority: 'low' }),
    matches: false,
  },
];

export const orCases: PatternCase[] = [
  {
    name: '$or: source AND (metricName OR namespace), metricName matches',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricName: 'ReadLatency' },
    matches: true,
  },
  {
    name: '$or: neither branch matches',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization', 'ReadLatency'] },
        { namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricName: 'DiskIO', namespace: 'AWS/RDS' },
    matches: false,
  },
  {
    name: '$or: the fields outside it still must match',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
    },
    event: { source: 'aws.ec2', namespace: 'AWS/EC2' },
    matches: false,
  },
  {
    name: '$or: Location is New York, or Day is Monday',
    pattern: { $or: [{ Location: ['New York'] }, { Day: ['Monday'] }] },
    event: { Location: 'Boston', Day: 'Monday' },
    matches: true,
  },
  {
    name: '$or inside detail (parallel $or, both satisfied)',
    pattern: {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: {
        $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
      },
    },
    event: { namespace: 'AWS/EC2', detail: { 'detail-type': 'CloudWatch Alarm State Change' } },
    matches: true,
  },
  {
    name: '$or inside detail (parallel $or, the nested one fails)',
    pattern: {
      $or: [{ metricName: ['CPUUtilization'] }, { namespace: ['AWS/EC2'] }],
      detail: {
        $or: [{ source: ['aws.cloudwatch'] }, { 'detail-type': ['CloudWatch Alarm State Change'] }],
      },
    },
    event: { namespace: 'AWS/EC2', detail: { source: 'aws.ec2' } },
    matches: false,
  },
  {
    name: '$or with an AND inside a branch (metricType AND namespace)',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] },
        { scope: ['Service'] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/ES' },
    matches: true,
  },
  {
    name: '$or with an AND inside a branch: half of the AND is not enough',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        { metricType: ['MetricType'], namespace: ['AWS/EC2', 'AWS/ES'] },
      ],
    },
    event: { source: 'aws.cloudwatch', metricType: 'MetricType', namespace: 'AWS/RDS' },
    matches: false,
  },
  {
    name: 'nested $or inside an $or branch (metricId 1234)',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
      ],
    },
    event: {
      source: 'aws.cloudwatch',
      metricType: 'MetricType',
      namespace: 'AWS/EC2',
      metricId: 1234,
    },
    matches: true,
  },
  {
    name: 'nested $or inside an $or branch: neither inner branch',
    pattern: {
      source: ['aws.cloudwatch'],
      $or: [
        { metricName: ['CPUUtilization'] },
        {
          metricType: ['MetricType'],
          namespace: ['AWS/EC2'],
          $or: [{ metricId: [1234] }, { spaceId: [1000] }],
        },
      ],
    },
    event: {
      source: 'aws.cloudwatch',
      metricType: 'MetricType',
      namespace: 'AWS/EC2',
      metricId: 99,
    },
    matches: false,
  },
  {
    name: '$or branches with operators (numeric OR exists false)',
    pattern: {
      detail: {
        $or: [{ 'c-count': [{ numeric: ['>', 0, '<=', 5] }] }, { 'd-count': [{ exists: false }] }],
      },
    },
    event: withDetail({ 'c-count': 9 }),
    matches: true,
  },
  {
    name: 'the merged pattern of two contracts (an $or of source/detail-type pairs)',
    pattern: {
      $or: [
        { source: ['mytabs.payments'], 'detail-type': ['PaymentSucceeded'] },
        { source: ['mytabs.ticketing'], 'detail-type': ['HoldExpired'] },
      ],
    },
    event: { source: 'mytabs.ticketing', 'detail-type': 'PaymentSucceeded' },
    matches: false,
  },
];

export const allCases = [
  ...basicCases,
  ...stringOperatorCases,
  ...anythingButCases,
  ...numericCases,
  ...existsCases,
  ...orCases,
];
