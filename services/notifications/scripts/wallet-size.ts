/**
 * How big the wallet files of an order are, and how long they take to make:
 *
 *   npx tsx scripts/wallet-size.ts [tickets=10] [runs=9]
 *
 * Signs a `.pkpass` per ticket and one "Save to Google Wallet" link for the order, as the
 * functions do, with wallet credentials made as the local platform makes them, `runs` times,
 * and prints the medians, the pass's size and the link's length (some browsers and mail clients
 * cut URLs past 2,000 characters; Google documents no limit of its own for the save link).
 */
import { ApplePassCertificate, GoogleWalletServiceAccount } from '@mytabs/contracts';
import { testGoogleServiceAccount, testPassCertificate } from '@mytabs/local';
import { appleWalletPass } from '../src/adapters/apple-wallet-pass.ts';
import { googleWalletLink } from '../src/adapters/google-wallet-link.ts';
import { walletTickets } from '../src/domain/ticket-documents.ts';
import { sampleOrder } from './sample-order.ts';

const count = Number(process.argv[2] ?? 10);
const runs = Number(process.argv[3] ?? 9);
const tickets = walletTickets(sampleOrder(count));
const certificate = ApplePassCertificate.parse(testPassCertificate());
const account = GoogleWalletServiceAccount.parse(testGoogleServiceAccount());

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const passMs: number[] = [];
const linkMs: number[] = [];
let passBytes = 0;
let link = '';
for (let run = 0; run < runs; run++) {
  let started = performance.now();
  for (const ticket of tickets) passBytes = appleWalletPass(ticket, certificate).length;
  passMs.push((performance.now() - started) / count);
  started = performance.now();
  link = await googleWalletLink(tickets, account, ['https://ticket.keeptabs.app']);
  linkMs.push(performance.now() - started);
}
console.log(`${count} tickets, ${runs} runs`);
console.log(`.pkpass: ${passBytes} bytes, median ${median(passMs).toFixed(1)} ms a pass`);
console.log(
  `Google Wallet link: ${link.length} characters, median ${median(linkMs).toFixed(1)} ms`,
);
