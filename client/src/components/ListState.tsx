import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { CallError } from '../services/errors';
import { Button } from '../ui/button';
import { Empty } from '../ui/empty';
import { Loading } from '../ui/loading';

interface Props {
  loading: boolean;
  error: CallError | null;
  empty: boolean;
  count: number;
  hasMore: boolean;
  loadingMore: boolean;
  onRetry: () => void;
  onMore: () => void;
  emptyText: string;
  emptyAction?: ReactNode;
}

/** The states around a list: first load, error with retry, empty, and the footer (more / end). */
export function ListState(p: Props) {
  if (p.loading && p.count === 0) {
    return (
      <View className='list-footer'>
        <Loading>加载中…</Loading>
      </View>
    );
  }
  if (p.error && p.count === 0) {
    return (
      <View className='card' style={{ textAlign: 'center' }}>
        <View className='muted' style={{ marginBottom: '12px' }}>
          {p.error.message}
        </View>
        <Button size='small' onClick={p.onRetry}>
          重新加载
        </Button>
      </View>
    );
  }
  if (p.empty) {
    return (
      <View className='card'>
        <Empty description={p.emptyText} imageSize={80} />
        {p.emptyAction}
      </View>
    );
  }
  if (p.count === 0) return null;
  return (
    <View className='list-footer'>
      {p.loadingMore ? (
        <Text>加载中…</Text>
      ) : p.error ? (
        <Text className='link' onClick={p.onMore}>
          {p.error.message}，点此重试
        </Text>
      ) : p.hasMore ? (
        <Text className='link' onClick={p.onMore}>
          加载更多
        </Text>
      ) : (
        <Text>没有更多了</Text>
      )}
    </View>
  );
}
