import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Me, Role } from '@lxq/types';
import { call } from '../services/call';
import { CallError, toCallError } from '../services/errors';
import { fetchEmulatorAccounts, type EmulatorAccount } from '../services/identity';

export interface MeState {
  me: Me | null;
  loading: boolean;
  error: CallError | null;
  reload: () => Promise<void>;
  has: (role: Role) => boolean;
  isMember: boolean;
  isStaff: boolean;
  /** h5 served by the emulator only: the seeded accounts for the identity picker. */
  accounts: EmulatorAccount[] | null;
}

const MeContext = createContext<MeState | null>(null);

export function MeProvider({ children }: { children?: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<CallError | null>(null);
  const [accounts, setAccounts] = useState<EmulatorAccount[] | null>(null);

  const reload = useCallback(async () => {
    setLoading(true);
    setError(null);
    try {
      setMe(await call('account.me', {}));
    } catch (e) {
      setError(toCallError(e));
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
    if (process.env.TARO_ENV === 'h5' && !LXQ_WEB_CLOUD) {
      void fetchEmulatorAccounts().then(setAccounts);
    }
  }, [reload]);

  const value = useMemo<MeState>(() => {
    const roles = me?.roles ?? [];
    const has = (role: Role) => roles.includes(role);
    return {
      me,
      loading,
      error,
      reload,
      has,
      isMember: has('member'),
      isStaff: has('staff') || has('admin'),
      accounts,
    };
  }, [me, loading, error, reload, accounts]);

  return <MeContext.Provider value={value}>{children}</MeContext.Provider>;
}

const FALLBACK: MeState = {
  me: null,
  loading: false,
  error: null,
  reload: async () => undefined,
  has: () => false,
  isMember: false,
  isStaff: false,
  accounts: null,
};

export function useMe(): MeState {
  return useContext(MeContext) ?? FALLBACK;
}
