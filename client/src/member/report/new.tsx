import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { CONCERN_STATUS_LABELS } from '@lxq/types/domain/concern';
import { Field } from '../../components/Field';
import { FormError } from '../../components/FormError';
import { LoadFailed } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Checkbox } from '../../ui/checkbox';
import { Loading } from '../../ui/loading';
import './report.scss';

/**
 * Step one of a draft: pick the concerns (assigned to the member, or in a staff member's unit) and
 * liaison records it comes from. The server writes the draft in the official layout, with
 * citizens' names, phones and door numbers removed; the next page edits it.
 */
export default function NewReportPage() {
  const sources = useQuery('report.sources', {});
  const create = useMutation('report.create');
  const [concernIds, setConcernIds] = useState<string[]>([]);
  const [liaisonIds, setLiaisonIds] = useState<string[]>([]);
  const toggle = (list: string[], set: (v: string[]) => void, id: string) =>
    set(list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

  const go = async () => {
    const done = await create.run({ concernIds, liaisonIds });
    if (done) void Taro.redirectTo({ url: `/member/report/edit?id=${done._id}&fresh=1` });
  };

  if (sources.error)
    return (
      <Screen>
        <LoadFailed message={sources.error.message} onRetry={() => void sources.reload()} />
      </Screen>
    );
  if (!sources.data)
    return (
      <Screen>
        <Loading />
      </Screen>
    );
  const { concerns, records } = sources.data;
  return (
    <Screen>
      <View className="card">
        <Field label="群众诉求" error={create.fieldErrors.concernIds} hint="分派给您办理的诉求">
          {concerns.length ? null : <View className="muted">暂无可选的诉求</View>}
          {concerns.map((c) => (
            <View
              key={c._id}
              className={`report-pick ${concernIds.includes(c._id) ? 'report-pick--on' : ''}`}
              onClick={() => toggle(concernIds, setConcernIds, c._id)}
            >
              <Checkbox checked={concernIds.includes(c._id)} />
              <View className="report-pick__text">
                <View>{c.title}</View>
                <Text className="muted">
                  {CONCERN_STATUS_LABELS[c.status as keyof typeof CONCERN_STATUS_LABELS] ?? c.status}
                </Text>
              </View>
            </View>
          ))}
        </Field>
        <Field label="联系记录" error={create.fieldErrors.liaisonIds} hint="您记录的联系群众活动">
          {records.length ? null : <View className="muted">暂无联系记录</View>}
          {records.map((r) => (
            <View
              key={r._id}
              className={`report-pick ${liaisonIds.includes(r._id) ? 'report-pick--on' : ''}`}
              onClick={() => toggle(liaisonIds, setLiaisonIds, r._id)}
            >
              <Checkbox checked={liaisonIds.includes(r._id)} />
              <View className="report-pick__text">
                <View>
                  {r.date} {r.place}
                </View>
                <Text className="muted">{r.summary}</Text>
              </View>
            </View>
          ))}
        </Field>
      </View>
      <FormError error={create.error} fieldErrors={create.fieldErrors} />
      <Button
        type="primary"
        block
        loading={create.loading}
        disabled={!concernIds.length && !liaisonIds.length}
        onClick={() => void go()}
      >
        生成草稿（已选 {concernIds.length + liaisonIds.length} 条）
      </Button>
      <View className="muted report-note">
        草稿会按社情民意信息格式预先填写，并隐去群众姓名、电话和门牌号，您可以再修改。
      </View>
    </Screen>
  );
}
