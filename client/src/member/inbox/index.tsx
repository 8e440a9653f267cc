import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { InboxView } from '@lxq/types';
import { ListState } from '../../components/ListState';
import { Screen } from '../../components/Screen';
import { UNREAD_EVENT } from '../../hooks/useUnread';
import { usePaged } from '../../hooks/usePaged';
import { call } from '../../services/call';
import { askToSubscribe } from '../../services/subscribe';
import { randomId } from '../../services/random';
import { Button } from '../../ui/button';
import { formatChinaTime } from '../../utils/time';
import './index.scss';

const KIND_LABELS: Record<string, string> = {
  notice: '通知',
  reminder: '提醒',
  concern: '诉求',
  shift: '值班',
  liaison: '联系',
};

export default function InboxPage() {
  const list = usePaged('account.listInbox', {}, { pageSize: 20 });
  // Back from a notice it opened: that notice is read now.
  useDidShow(() => {
    if (list.last) void list.reload();
  });
  const [unread, setUnread] = useState(0);
  const [asked, setAsked] = useState<'' | 'accept' | 'reject'>('');
  useEffect(() => {
    if (list.last) {
      setUnread(list.last.unread);
      Taro.eventCenter.trigger(UNREAD_EVENT, list.last.unread);
    }
  }, [list.last]);

  const open = async (item: InboxView) => {
    // Notices are marked read by their own page; other messages are read on the tap.
    if (!item.read && !item.page.startsWith('member/inbox/detail')) {
      void call('account.readInbox', { id: item._id }, { requestId: randomId(24) })
        .then((r) => Taro.eventCenter.trigger(UNREAD_EVENT, r.unread))
        .catch(() => undefined);
    }
    await Taro.navigateTo({ url: `/${item.page}` });
  };

  const subscribe = async () => {
    const answers = await askToSubscribe(['notice']);
    setAsked(answers?.notice === 'accept' ? 'accept' : 'reject');
  };

  return (
    <Screen>
      <View className="inbox-head card">
        <View className="row">
          <View>
            <View className="card-title">通知消息</View>
            <View className="muted">{unread ? `${unread} 条未读` : '全部已读'}</View>
          </View>
          <View className="spacer" />
          <Button size="small" type="primary" fill="outline" onClick={() => void subscribe()}>
            接收通知提醒
          </Button>
        </View>
        {asked ? (
          <View className="muted inbox-head__hint">
            {asked === 'accept'
              ? '已开启：下一条通知会通过微信服务通知提醒您（每次允许提醒一次）。'
              : '未开启微信提醒，通知仍会出现在这里。'}
          </View>
        ) : null}
      </View>

      {list.items.map((item) => (
        <View
          key={item._id}
          className={`card inbox-item ${item.read ? '' : 'inbox-item--unread'}`}
          onClick={() => void open(item)}
        >
          <View className="row">
            {!item.read && <View className="inbox-item__dot" />}
            <Text className="inbox-item__kind">{KIND_LABELS[item.kind] ?? '消息'}</Text>
            <Text className="inbox-item__title">{item.title}</Text>
          </View>
          <View className="inbox-item__body">{item.body}</View>
          <View className="muted">{formatChinaTime(item.createdAt)}</View>
        </View>
      ))}
      <ListState list={list} emptyText="暂无通知消息" />
    </Screen>
  );
}
