import { useCallback, useEffect, useRef, useState } from 'react';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { ActionInput, ActionName, ActionOutput } from '@lxq/types';
import { call } from '../services/call';
import { CallError, toCallError } from '../services/errors';

export interface Query<N extends ActionName> {
  data: ActionOutput<N> | undefined;
  loading: boolean;
  error: CallError | null;
  reload: () => Promise<void>;
}

/** Load one thing; reloads when `key` changes and on pull-down (page config enablePullDownRefresh). */
export function useQuery<N extends ActionName>(name: N, input: ActionInput<N> | null, key = ''): Query<N> {
  const [data, setData] = useState<ActionOutput<N>>();
  const [loading, setLoading] = useState(input !== null);
  const [error, setError] = useState<CallError | null>(null);
  const inputRef = useRef(input);
  inputRef.current = input;
  const seq = useRef(0);

  const load = useCallback(async () => {
    const current = inputRef.current;
    if (current === null) return;
    const mine = ++seq.current;
    setLoading(true);
    setError(null);
    try {
      const result = await call(name, current);
      if (mine === seq.current) setData(result);
    } catch (e) {
      if (mine === seq.current) setError(toCallError(e));
    } finally {
      if (mine === seq.current) setLoading(false);
    }
  }, [name]);

  const enabled = input !== null;
  useEffect(() => {
    void load();
  }, [load, key, enabled]);

  usePullDownRefresh(() => {
    void load().finally(() => Taro.stopPullDownRefresh());
  });

  return { data, loading, error, reload: load };
}
