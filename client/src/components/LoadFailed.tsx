import { View } from '@tarojs/components';
import { Button } from '../ui/button';
import { Loading } from '../ui/loading';

/** What a page shows when its data could not be loaded: the reason, and a way to try again. */
export function LoadFailed({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <View className="card" style={{ textAlign: 'center' }}>
      <View className="muted" style={{ marginBottom: '12px' }}>
        {message}
      </View>
      <Button size="small" onClick={onRetry}>
        重新加载
      </Button>
    </View>
  );
}

/**
 * What a page shows while its data is not there yet: 加载中…, or why it failed with 重新加载.
 * `missing` is said when the answer came back empty (an id that no longer exists).
 */
export function Pending({
  query,
  missing = '加载失败',
}: {
  query: { loading: boolean; error: { message: string } | null; reload: () => unknown };
  missing?: string;
}) {
  if (query.loading && !query.error) {
    return (
      <View className="list-footer">
        <Loading>加载中…</Loading>
      </View>
    );
  }
  return <LoadFailed message={query.error?.message ?? missing} onRetry={() => void query.reload()} />;
}
