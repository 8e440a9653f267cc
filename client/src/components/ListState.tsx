import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CallError } from '../services/errors';
import { LoadFailed } from './LoadFailed';
import { Empty } from '../ui/empty';
import { Loading } from '../ui/loading';

/** What ListState reads of a `usePaged` list. */
interface ListLike {
  items: unknown[];
  loading: boolean;
  error: CallError | null;
  empty: boolean;
  hasMore: boolean;
  loadingMore: boolean;
  reload: () => Promise<void>;
  loadMore: () => Promise<void>;
}

interface Props {
  list: ListLike;
  emptyText: string;
  emptyAction?: ReactNode;
}

/** The states around a list: first load, error with retry, empty, and the footer (more / end). */
export function ListState({ list, emptyText, emptyAction }: Props) {
  const count = list.items.length;
  const onRetry = () => void list.reload();
  const onMore = () => void list.loadMore();
  if (list.loading && count === 0) {
    return (
      <View className="list-footer">
        <Loading>加载中…</Loading>
      </View>
    );
  }
  if (list.error && count === 0) return <LoadFailed message={list.error.message} onRetry={onRetry} />;
  if (list.empty) {
    return (
      <View className="card">
        <Empty description={emptyText} imageSize={80} />
        {emptyAction}
      </View>
    );
  }
  if (count === 0) return null;
  return (
    <View className="list-footer">
      {list.loadingMore ? (
        <Text>加载中…</Text>
      ) : list.error ? (
        <Text className="link" onClick={onMore}>
          {list.error.message}，点此重试
        </Text>
      ) : list.hasMore ? (
        <Text className="link" onClick={onMore}>
          加载更多
        </Text>
      ) : (
        <Text>没有更多了</Text>
      )}
    </View>
  );
}
