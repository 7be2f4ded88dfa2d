import type { DrillReport } from './run-drill.ts';

export const formatDrill = (r: DrillReport) =>
  [
    `Drill: ${r.orders} orders, ${r.faults.length} faults (${r.faults.map((f) => (f.kind === 'function' ? f.function : `${f.kind} ${'mode' in f ? f.mode : ''}`)).join(', ')})`,
    `broken under the faults: ${r.broken.ordersNotFulfilled} orders not fulfilled, ${r.broken.unsettledFulfilled} fulfilled but not settled, ${r.broken.unsentEmails} confirmations refused, ${r.broken.deadLetters} dead letters, ${r.broken.failedExecutions} failed executions, ${r.broken.stuckOrders} stuck orders`,
    'recovery:',
    ...r.commands.map((c) => `  ${c.command}  → exit ${c.exitCode}`),
    `recovered ${r.recovered} orders in ${(r.recoverMs / 1000).toFixed(1)} s; unrecovered: ${r.unrecovered.length === 0 ? 'none' : r.unrecovered.join(', ')}`,
    `run again: ${r.secondRun.map((c) => `${c.command.replace('npm run ops -- ', '')} → exit ${c.exitCode}`).join('; ')}`,
    `duplicate tickets ${r.integrity.duplicateTickets}, duplicate emails ${r.integrity.duplicateEmails}, missing emails ${r.integrity.missingEmails}, oversold ${r.integrity.oversoldSeats}, seats counted twice ${r.integrity.seatsCountedTwice}`,
    r.passed ? 'PASSED' : 'FAILED',
  ].join('\n');
