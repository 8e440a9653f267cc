import { View } from '@tarojs/components';
import { Button } from '../ui/button';

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
