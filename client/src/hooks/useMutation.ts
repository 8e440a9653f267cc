import { useCallback, useRef, useState } from 'react';
import type { ActionInput, ActionName, ActionOutput } from '@lxq/types';
import { call } from '../services/call';
import { CallError, toCallError } from '../services/errors';
import { randomId } from '../services/random';

export interface Mutation<N extends ActionName> {
  /** Resolves with the data, or undefined when the call failed (see error / fieldErrors). */
  run: (input: ActionInput<N>) => Promise<ActionOutput<N> | undefined>;
  loading: boolean;
  error: CallError | null;
  fieldErrors: Record<string, string>;
  clearFieldError: (field: string) => void;
  reset: () => void;
}

/**
 * A mutation with a requestId made on the first submit and kept until the server has answered
 * definitively. After a network failure or INTERNAL (the server may have stored it) the retry
 * reuses the id, so it is stored once. After a clear refusal (VALIDATION, CONTENT_RISKY, …) the
 * server changed nothing, so the corrected form is a new request with a new id.
 */
export function useMutation<N extends ActionName>(name: N): Mutation<N> {
  const requestId = useRef<string | null>(null);
  const inFlight = useRef(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const run = useCallback(
    async (input: ActionInput<N>) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      if (!requestId.current) requestId.current = randomId(24);
      setLoading(true);
      setError(null);
      setFieldErrors({});
      try {
        const data = await call(name, input, { requestId: requestId.current });
        requestId.current = null;
        return data;
      } catch (e) {
        const err = toCallError(e);
        if (!err.network && err.code !== 'INTERNAL') requestId.current = null;
        setError(err);
        setFieldErrors(err.fields);
        return undefined;
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [name],
  );

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const reset = useCallback(() => {
    requestId.current = null;
    setError(null);
    setFieldErrors({});
  }, []);

  return { run, loading, error, fieldErrors, clearFieldError, reset };
}
