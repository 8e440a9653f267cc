import { useCallback, useEffect, useRef, useState } from 'react';
import Taro from '@tarojs/taro';
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
  /** Messages found on the phone before any call: shown together with the server's. */
  setFieldErrors: (errors: Record<string, string>) => void;
  clearFieldError: (field: string) => void;
  reset: () => void;
}

/** The form's values kept on the phone after every change, with the request id of a pending send. */
export interface Draft<D> {
  value: D;
  set: <K extends keyof D>(key: K, v: D[K]) => void;
  replace: (value: D) => void;
  /** Defaults found after the page opened (the member's habits), into fields not yet filled: not a change of theirs, not kept. */
  prefill: (patch: Partial<D>) => void;
  /** True when the page opened on values left by an earlier visit. */
  restored: boolean;
  /** True once anything differs from the empty form. */
  dirty: boolean;
  /** Back to the empty form, and nothing kept. */
  discard: () => void;
}

interface Stored<D> {
  value: D;
  requestId: string | null;
}

/**
 * A mutation with a requestId made on the first submit and kept until the server has answered
 * definitively. After a network failure or INTERNAL (the server may have stored it) the retry
 * reuses the id, so it is stored once. After a clear refusal (VALIDATION, CONTENT_RISKY, …) the
 * server changed nothing, so the corrected form is a new request with a new id.
 *
 * With `draft`, the form's values and that pending id are written to the phone's storage on every
 * change and read back on the next visit, so a reload, the back button or a dropped network loses
 * nothing and a resend after a reload is still the same request; a definitive success clears them.
 */
export function useMutation<N extends ActionName>(name: N): Mutation<N>;
export function useMutation<N extends ActionName, D extends object>(
  name: N,
  opts: { draft: { key: string; empty: () => D } },
): Mutation<N> & { draft: Draft<D> };
export function useMutation<N extends ActionName, D extends object>(
  name: N,
  opts?: { draft?: { key: string; empty: () => D } },
): Mutation<N> & { draft?: Draft<D> } {
  const draftKey = opts?.draft?.key ?? null;
  const emptyRef = useRef(opts?.draft?.empty);
  const [stored] = useState(() => (draftKey ? readStored<D>(draftKey) : null));
  const requestId = useRef<string | null>(stored?.requestId ?? null);
  const inFlight = useRef(false);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<CallError | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [value, setValue] = useState<D | null>(() => stored?.value ?? emptyRef.current?.() ?? null);
  const [restored, setRestored] = useState(!!stored);
  const [dirty, setDirty] = useState(!!stored);

  const persist = useCallback(
    (v: D | null) => {
      if (!draftKey) return;
      if (v === null) Taro.removeStorageSync(draftKey);
      else Taro.setStorageSync(draftKey, { value: v, requestId: requestId.current } satisfies Stored<D>);
    },
    [draftKey],
  );

  // Written after every change, so whatever ends the visit (reload, back, a killed app) keeps it.
  useEffect(() => {
    if (dirty && value) persist(value);
  }, [dirty, value, persist]);

  const clearFieldError = useCallback((field: string) => {
    setFieldErrors((prev) => {
      if (!(field in prev)) return prev;
      const next = { ...prev };
      delete next[field];
      return next;
    });
  }, []);

  const run = useCallback(
    async (input: ActionInput<N>) => {
      if (inFlight.current) return undefined;
      inFlight.current = true;
      if (!requestId.current) requestId.current = randomId(24);
      if (value && draftKey) persist(value);
      setLoading(true);
      setError(null);
      setFieldErrors({});
      try {
        const data = await call(name, input, { requestId: requestId.current });
        requestId.current = null;
        if (draftKey) {
          persist(null);
          setDirty(false);
          setRestored(false);
        }
        return data;
      } catch (e) {
        const err = toCallError(e);
        if (!err.network && err.code !== 'INTERNAL') requestId.current = null;
        if (value && draftKey) persist(value);
        setError(err);
        setFieldErrors(err.fields);
        return undefined;
      } finally {
        inFlight.current = false;
        setLoading(false);
      }
    },
    [name, value, draftKey, persist],
  );

  const reset = useCallback(() => {
    requestId.current = null;
    setError(null);
    setFieldErrors({});
  }, []);

  const base = { run, loading, error, fieldErrors, setFieldErrors, clearFieldError, reset };
  if (!draftKey || !value) return base;
  const draft: Draft<D> = {
    value,
    set: (key, v) => {
      setDirty(true);
      clearFieldError(String(key));
      setValue((prev) => (prev ? { ...prev, [key]: v } : prev));
    },
    replace: (v) => {
      setDirty(true);
      setValue(v);
    },
    // Only into fields still as the empty form has them: the options may arrive after the person typed.
    prefill: (patch) =>
      setValue((prev) => {
        if (!prev) return prev;
        const empty = emptyRef.current?.() as Record<string, unknown> | undefined;
        const untouched = Object.entries(patch).filter(
          ([k]) => JSON.stringify((prev as Record<string, unknown>)[k]) === JSON.stringify(empty?.[k]),
        );
        return { ...prev, ...Object.fromEntries(untouched) };
      }),
    restored,
    dirty,
    discard: () => {
      requestId.current = null;
      persist(null);
      setDirty(false);
      setRestored(false);
      setError(null);
      setFieldErrors({});
      setValue(emptyRef.current?.() ?? null);
    },
  };
  return { ...base, draft };
}

function readStored<D>(key: string): Stored<D> | null {
  try {
    const s = Taro.getStorageSync(key) as Stored<D> | '';
    return s && typeof s === 'object' && s.value && typeof s.value === 'object' ? s : null;
  } catch {
    return null;
  }
}
