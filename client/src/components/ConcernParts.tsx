import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ConcernView } from '@lxq/types';
import { CONCERN_ACTION_LABELS, CONCERN_LINK_LABELS, type ConcernAction } from '@lxq/types/domain/concern';
import { openMap } from '../services/location';
import { concernNo } from '@lxq/types/domain/concern';
import { formatChinaTime } from '../utils/time';
import { StatusChip } from './StatusChip';
import './ConcernParts.scss';

/** The parts of a concern every detail page shows: head, text and photos, reply, timeline. */
export function ConcernHead({ c }: { c: ConcernView }) {
  return (
    <View className="card">
      {/* The status above the title: the title has the card's full width and never wraps at 7 characters. */}
      <View className="concern-head">
        <StatusChip status={c.status} />
        <Text className="muted nowrap">受理编号 {concernNo(c._id)}</Text>
      </View>
      <View className="concern-title">{c.title}</View>
      <View className="muted concern-meta">
        {c.category}
        {c.workstationName ? ` · ${c.workstationName}` : ''}
        {c.sectorName ? ` · ${c.sectorName}` : ''} · <Text className="nowrap">{formatChinaTime(c.createdAt)}</Text>
      </View>
      {c.dueAt ? (
        <View className={c.overdue ? 'concern-due concern-due--late' : 'concern-due'}>
          {c.overdue ? '已超期' : '办理时限'}：<Text className="nowrap">{formatChinaTime(c.dueAt, 'YYYY-MM-DD')}</Text>
          {c.provisional && c.audience !== 'submitter' ? '（暂定）' : ''}
        </View>
      ) : null}
      {c.needsReview ? <Text className="chip chip--red">需人工复核</Text> : null}
      <View className="concern-text">{c.text}</View>
      <Photos photos={c.photos} />
      {c.location ? <ConcernPlace location={c.location} /> : null}
      {c.submitter ? (
        <View className="muted">
          提交人：{c.submitter}
          {c.phone ? (
            <>
              {' 电话：'}
              {/* The full number (the assigned member's view) is one tap from a call; a masked one is not. */}
              {c.phone.includes('*') ? (
                <Text className="nowrap">{c.phone}</Text>
              ) : (
                <Text
                  className="link nowrap concern-phone"
                  onClick={() => void Taro.makePhoneCall({ phoneNumber: c.phone as string }).catch(() => undefined)}
                >
                  {c.phone}（拨打）
                </Text>
              )}
            </>
          ) : null}
          {c.recorder ? ` 代为登记：委员${c.recorder}` : ''}
        </View>
      ) : null}
      {c.links.length ? (
        <View className="concern-links">
          {c.links.map((l, i) => (
            <View key={i}>
              <Text className="chip chip--red" userSelect>
                {l.status !== undefined
                  ? `${l.title === '已形成社情民意信息' ? l.title : `社情民意信息：${l.title}`}${l.status ? ` · ${l.status}` : ''}`
                  : `已转为${CONCERN_LINK_LABELS[l.kind]}：${l.title}${l.refId && l.kind !== 'topic' ? `（${l.refId}）` : ''}${l.closed ? '（已办结）' : ''}`}
              </Text>
              {(l.results ?? []).map((r) => (
                <View key={r.no} className="concern-topic-result">
                  <Text className="muted">
                    协商建议 {r.no}：{r.suggestion}
                  </Text>
                  <Text userSelect>办理结果：{r.result}</Text>
                </View>
              ))}
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}

export function Photos({ photos }: { photos: { fileID: string; url: string }[] }) {
  if (!photos.length) return null;
  const urls = photos.map((p) => p.url).filter(Boolean);
  return (
    <View className="concern-photos">
      {photos.map((p) => (
        <Image
          key={p.fileID}
          className="concern-photos__img"
          src={p.url}
          mode="aspectFill"
          onClick={() => void Taro.previewImage({ urls, current: p.url })}
        />
      ))}
    </View>
  );
}

export function ReplyCard({ reply, title = '答复' }: { reply: ConcernView['reply']; title?: string }) {
  if (!reply) return null;
  return (
    <View className="card concern-reply">
      <View className="card-title">{title}</View>
      <View className="muted">
        {reply.byName} · <Text className="nowrap">{formatChinaTime(reply.at)}</Text>
      </View>
      <View className="concern-text">{reply.text}</View>
      <Photos photos={reply.photos} />
    </View>
  );
}

export function Timeline({ events }: { events: ConcernView['timeline'] }) {
  return (
    <View className="card">
      <View className="card-title">办理过程</View>
      <View className="timeline">
        {[...events].reverse().map((e, i) => (
          <View key={`${e.at}-${i}`} className="timeline__item">
            <View className="timeline__dot" />
            <View className="timeline__body">
              <View className="timeline__head">
                <Text className="timeline__what">{CONCERN_ACTION_LABELS[e.action as ConcernAction] ?? e.action}</Text>
                <Text className="muted nowrap">{formatChinaTime(e.at)}</Text>
              </View>
              <View className="muted">{e.byName}</View>
              {e.note ? <View className="timeline__note">{e.note}</View> : null}
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

/** Where it is, by name (old concerns may have none: then only the map link). */
function ConcernPlace({ location }: { location: NonNullable<ConcernView['location']> }) {
  const place = { name: location.address, address: '', latitude: location.lat, longitude: location.lng };
  return (
    <View className="muted concern-place">
      <Text>位置：{location.address || '已标注位置'}</Text>
      <Text className="link nowrap concern-place__map" onClick={() => openMap(place)}>
        查看地图
      </Text>
    </View>
  );
}
