import { useEffect } from 'react';
import { View } from '@tarojs/components';
import type { ActionOutput } from '@lxq/types';

const count = (n: number) => n.toLocaleString('en-US');

/** How often the list is asked again while a freeze runs on in the background. */
const POLL_MS = 2000;

/**
 * A quarter being frozen run by run ("已冻结 3,200 / 12,000 名委员"), asked again until it is
 * frozen; and, for a subtree larger than a live list weighs, which members the list holds.
 */
export function FreezeProgress({ data, reload }: { data: ActionOutput<'assessment.members'>; reload: () => unknown }) {
  const freezing = data.freezing;
  useEffect(() => {
    if (!freezing) return undefined;
    const t = setTimeout(() => void reload(), POLL_MS);
    return () => clearTimeout(t);
  }, [freezing, reload]);
  return (
    <>
      {freezing ? (
        <View className="assess-state" role="status">
          {`正在冻结：已冻结 ${count(freezing.done)} / ${count(freezing.total)} 名委员，全部写完后该季度显示为已冻结。`}
        </View>
      ) : null}
      {data.cap ? (
        <View className="assess-state assess-state--reopened" role="status">
          {`委员超过 ${count(data.cap)} 名：实时名单只列出按姓名排序的前 ${count(data.cap)} 名；冻结该季度后可查看并导出全部委员。`}
        </View>
      ) : null}
    </>
  );
}
