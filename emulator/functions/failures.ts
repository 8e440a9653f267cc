/**
 * How the platform reports a function that timed out or crashed, instead of an answer: the
 * caller's callFunction rejects. wx.cloud.callFunction (the client) rejects with errCode -504003
 * "Invoking task timed out after N seconds" for a timeout and -504002 "functions execute fail"
 * for a crash; a function calling another through wx-server-sdk gets FUNCTIONS_EXECUTE_FAIL,
 * which the SDK turns into errCode -504002.
 */
import { FunctionExecutionError, FunctionTimeoutError } from './pool';

export const FUNCTION_TIMEOUT = -504003;
export const FUNCTION_CRASH = -504002;

/** What a client's callFunction rejects with. */
export interface PlatformFailure {
  errCode: number;
  errMsg: string;
}

function detailOf(err: unknown): string {
  if (err instanceof FunctionExecutionError) return err.detail;
  return err instanceof Error ? err.message : String(err);
}

/** The client's rejection for a failed invocation. */
export function clientFailure(err: unknown): PlatformFailure {
  if (err instanceof FunctionTimeoutError) {
    return {
      errCode: FUNCTION_TIMEOUT,
      errMsg: `cloud.callFunction:fail Error: errCode: ${FUNCTION_TIMEOUT}  | errMsg: Invoking task timed out after ${err.timeoutS} seconds`,
    };
  }
  return {
    errCode: FUNCTION_CRASH,
    errMsg: `cloud.callFunction:fail Error: errCode: ${FUNCTION_CRASH} functions execute fail | errMsg: ${detailOf(err)}`,
  };
}

/** The answer to wx-server-sdk's functions.invokeFunction for a failed invocation. */
export function sdkFailure(err: unknown): { code: string; message: string } {
  if (err instanceof FunctionTimeoutError)
    return { code: 'FUNCTIONS_EXECUTE_FAIL', message: `Invoking task timed out after ${err.timeoutS} seconds` };
  return { code: 'FUNCTIONS_EXECUTE_FAIL', message: `functions execute fail: ${detailOf(err)}` };
}

/** The error a programmatic callFunction rejects with (errCode/errMsg like the client's). */
export class CallFunctionFailure extends Error {
  readonly errCode: number;
  readonly errMsg: string;
  constructor(f: PlatformFailure) {
    super(f.errMsg);
    this.name = 'CallFunctionFailure';
    this.errCode = f.errCode;
    this.errMsg = f.errMsg;
  }
}
