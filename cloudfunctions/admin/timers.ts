/** The admin function's timer: moved units' records re-pathed (domain/repath.ts), every minute and on a kick. */
import { kickRepath } from './domain/kick';
import { runMoves } from './domain/repath';

export async function runRepathWork() {
  const run = await runMoves();
  if (run.more) await kickRepath();
  return run;
}
