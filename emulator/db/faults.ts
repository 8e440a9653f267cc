/**
 * Fault injection for tests of resumable mutations: fail one database round trip of one function
 * call, either before the database sees it (the write never happens) or after (the write happened
 * and the function never hears so, as when an instance dies mid-call), or kill the function's
 * worker right after the write applied (the instance dies; the caller's callFunction rejects as
 * the platform's does for a crash). Armed by a test in the emulator's own process; off otherwise,
 * and costs nothing then.
 */
export interface FaultPlan {
  /** The function whose next client call is hit. */
  fn: string;
  /** The 1-based round trip of that call that fails. */
  n: number;
  when: 'before' | 'after' | 'kill';
}

type Answer = Record<string, unknown>;

let plan: FaultPlan | null = null;
let call: { id: string; trips: number; reads: number[] } | null = null;
let fired = false;

/** Arms (or with null disarms) the fault; answers whether the last one armed has fired. */
export function planFault(next: FaultPlan | null): boolean {
  const was = fired;
  plan = next;
  call = null;
  fired = false;
  return was;
}

/** The round trips the armed call has made so far (arm with n: 0 to count a clean call's). */
export const tripsSoFar = () => call?.trips ?? 0;
/** Which of them only read: failing one after the database answered is the same as before. */
export const readTripsSoFar = () => [...(call?.reads ?? [])];

const READS = new Set([
  'database.getDocument',
  'database.calculateDocument',
  'database.aggregateDocuments',
  'database.getInTransaction',
]);

const FAILED: Answer = { code: 'DATABASE_REQUEST_FAILED', message: '[emulator fault] injected failure' };

/** Runs one database request of the call `active` is serving, failing it when the plan says. */
export async function withFault(
  active: { requestId: string; functionName: string } | null,
  handle: () => Promise<Answer>,
  kill: () => void = () => undefined,
  /** The protocol action of the request (database.getDocument …). */
  action = '',
): Promise<Answer> {
  if (!plan || fired || !active || active.functionName !== plan.fn) return handle();
  if (!call) call = { id: active.requestId, trips: 0, reads: [] };
  if (call.id !== active.requestId) return handle();
  const hit = ++call.trips === plan.n;
  if (READS.has(action)) call.reads.push(call.trips);
  if (hit && plan.when === 'before') {
    fired = true;
    return { ...FAILED, requestId: active.requestId };
  }
  const answer = await handle();
  if (!hit) return answer;
  fired = true;
  if (plan.when === 'kill') kill();
  return { ...FAILED, requestId: active.requestId };
}
