import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ActionOutput } from '@lxq/types';
import { CONCERN_STATUS_LABELS } from '@lxq/types/domain/concern';
import { concernNo } from '@lxq/types/domain/concern';
import { formatChinaTime } from '../utils/time';
import { Button } from '../ui/button';
import { Screen } from './Screen';

/** After a concern is stored: its reference and the dates the unit itself promised. */
export function SubmitDone(p: { result: ActionOutput<'concern.submit'>; workstationName: string }) {
  const r = p.result;
  return (
    <Screen>
      <View className="card done">
        <View className="done__icon">✓</View>
        <View className="done__title">提交成功</View>
        <View className="done__ref">
          <Text className="muted">受理编号</Text>
          <Text className="done__ref-no" userSelect>
            {concernNo(r._id)}
          </Text>
        </View>
        <View className="muted">
          诉求已送达{p.workstationName ? `「${p.workstationName}」` : ''}，当前状态：
          {CONCERN_STATUS_LABELS[r.status] ?? r.status}
        </View>
        {r.acceptDueAt ? (
          <View className="done__due">
            <Text className="nowrap">{formatChinaTime(r.acceptDueAt, 'M月D日 HH:mm')}</Text> 前受理
            {r.replyDueAt ? (
              <>
                ，<Text className="nowrap">{formatChinaTime(r.replyDueAt, 'M月D日')}</Text> 前答复
              </>
            ) : null}
          </View>
        ) : null}
        <View className="muted">办理进展会通过消息提醒您，也可在「我的诉求」查看。</View>
        {r.needsReview ? <View className="muted">您反映的情况涉及违法线索，将由工作人员人工复核后处理。</View> : null}
        <View className="done__actions">
          <Button
            type="primary"
            block
            onClick={() => void Taro.redirectTo({ url: `/pages/concern/detail?id=${r._id}` })}
          >
            查看办理进度
          </Button>
          <View style={{ height: '12px' }} />
          <Button block onClick={() => void Taro.reLaunch({ url: '/pages/concern/mine' })}>
            查看我的诉求
          </Button>
          <View style={{ height: '12px' }} />
          <Button block onClick={() => void Taro.reLaunch({ url: '/pages/index/index' })}>
            返回首页
          </Button>
        </View>
      </View>
    </Screen>
  );
}
