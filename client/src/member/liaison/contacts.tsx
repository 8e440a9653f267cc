import { useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { LiaisonContact, LiaisonPairing } from '@lxq/types';
import { PAIRING_KIND_LABELS } from '@lxq/types/domain/liaison';
import { Field } from '../../components/Field';
import { Choices } from '../../components/LiaisonParts';
import { Pending } from '../../components/LoadFailed';
import { Screen } from '../../components/Screen';
import { useMutation } from '../../hooks/useMutation';
import { confirm } from '../../services/confirm';
import { useQuery } from '../../hooks/useQuery';
import { Button } from '../../ui/button';
import { Input } from '../../ui/input';
import { formatChinaTime } from '../../utils/time';
import './liaison.scss';

type ContactForm = { id?: string; name: string; unit: string; occupation: string; phone: string; tags: string };
type PairingForm = { name: string; kind: LiaisonPairing['kind']; note: string };
const emptyContact: ContactForm = { name: '', unit: '', occupation: '', phone: '', tags: '' };

/** "1158": the one base unit, about ten sector contacts, and standing pairings. */
export default function LiaisonContactsPage() {
  const opts = useQuery('liaison.formOptions', {});
  const saveBase = useMutation('liaison.saveBase');
  const saveContact = useMutation('liaison.saveContact');
  const removeContact = useMutation('liaison.removeContact');
  const savePairing = useMutation('liaison.savePairing');
  const removePairing = useMutation('liaison.removePairing');
  const [base, setBase] = useState<{ name: string; kind: string; address: string } | null>(null);
  const [contact, setContact] = useState<ContactForm | null>(null);
  const [pairing, setPairing] = useState<PairingForm | null>(null);
  const data = opts.data;

  const onSaveBase = async () => {
    if (!base) return;
    if (await saveBase.run(base)) {
      setBase(null);
      void opts.reload();
    }
  };
  const onSaveContact = async () => {
    if (!contact) return;
    const done = await saveContact.run({
      ...(contact.id ? { id: contact.id } : {}),
      name: contact.name,
      unit: contact.unit,
      occupation: contact.occupation,
      phone: contact.phone.trim() || null,
      tags: contact.tags.split(/[,，、\s]+/).filter(Boolean),
    });
    if (done) {
      setContact(null);
      void opts.reload();
    }
  };
  const onRemoveContact = async (c: LiaisonContact) => {
    const ok = await confirm({
      title: `删除联系人“${c.name}”？`,
      content: '已有的联系记录仍保留其姓名',
      confirmText: '删除',
    });
    if (ok && (await removeContact.run({ id: c.id }))) void opts.reload();
  };
  const onSavePairing = async () => {
    if (!pairing) return;
    if (await savePairing.run({ ...pairing, since: formatChinaTime(new Date(), 'YYYY-MM-DD') })) {
      setPairing(null);
      void opts.reload();
    }
  };
  const onRemovePairing = async (p: LiaisonPairing) => {
    const ok = await confirm({
      title: `结束与“${p.name}”的结对？`,
      content: '已有的帮扶记录仍保留',
      confirmText: '结束结对',
    });
    if (ok && (await removePairing.run({ id: p.id }))) void opts.reload();
  };

  if (!data) {
    return (
      <Screen>
        <Pending query={opts} />
      </Screen>
    );
  }

  const be = saveBase.fieldErrors;
  const ce = saveContact.fieldErrors;
  const pe = savePairing.fieldErrors;
  return (
    <Screen>
      <View className="section-title">联系点（1 个基层单元）</View>
      <View className="card">
        {base ? (
          <>
            <Field label="名称" required error={be.name}>
              <Input
                value={base.name}
                maxLength={40}
                placeholder="小区、楼宇或企业"
                onChange={(v) => setBase({ ...base, name: v })}
              />
            </Field>
            <Field label="类型" required error={be.kind}>
              <Choices
                options={['社区', '小区', '楼宇', '企业', '村']}
                value={[base.kind]}
                onChange={(v) => setBase({ ...base, kind: v[0] ?? '' })}
              />
            </Field>
            <Field label="地址" error={be.address}>
              <Input
                value={base.address}
                maxLength={80}
                placeholder="选填"
                onChange={(v) => setBase({ ...base, address: v })}
              />
            </Field>
            <View className="row" style={{ gap: '16px' }}>
              <Button type="primary" size="small" loading={saveBase.loading} onClick={() => void onSaveBase()}>
                保存联系点
              </Button>
              <Button size="small" onClick={() => setBase(null)}>
                取消
              </Button>
            </View>
          </>
        ) : (
          <View className="row">
            <View>
              <View className="card-title">{data.base?.name ?? '尚未设置联系点'}</View>
              {data.base ? (
                <View className="muted">{[data.base.kind, data.base.address].filter(Boolean).join(' · ')}</View>
              ) : null}
            </View>
            <View className="spacer" />
            <Text className="link" onClick={() => setBase(data.base ?? { name: '', kind: '社区', address: '' })}>
              {data.base ? '修改' : '设置'}
            </Text>
          </View>
        )}
      </View>

      <View className="section-title row">
        <Text>界别群众联系人（{data.contacts.length} 位，建议 10 位左右）</Text>
      </View>
      <View className="card">
        {data.contacts.map((c) => (
          <View key={c.id} className="contact-row row">
            <View className="contact-row__main">
              <View className="contact-row__name">
                {c.name}
                {c.tags.map((t) => (
                  <Text key={t} className="chip chip--red" style={{ marginLeft: '12px' }}>
                    {t}
                  </Text>
                ))}
              </View>
              <View className="muted">{[c.unit, c.occupation, c.phone].filter(Boolean).join(' · ')}</View>
            </View>
            <Text
              className="link contact-row__act"
              onClick={() =>
                setContact({
                  id: c.id,
                  name: c.name,
                  unit: c.unit,
                  occupation: c.occupation,
                  phone: c.phone ?? '',
                  tags: c.tags.join('、'),
                })
              }
            >
              编辑
            </Text>
            <Text className="link contact-row__act" onClick={() => void onRemoveContact(c)}>
              删除
            </Text>
          </View>
        ))}
        {!data.contacts.length && !contact ? <View className="muted">还没有联系人。</View> : null}
        {contact ? (
          <View style={{ marginTop: '24px' }}>
            <Field label="姓名" required error={ce.name}>
              <Input
                value={contact.name}
                maxLength={20}
                placeholder="联系人姓名"
                onChange={(v) => setContact({ ...contact, name: v })}
              />
            </Field>
            <Field label="工作单位" error={ce.unit}>
              <Input
                value={contact.unit}
                maxLength={40}
                placeholder="选填"
                onChange={(v) => setContact({ ...contact, unit: v })}
              />
            </Field>
            <Field label="职业" error={ce.occupation}>
              <Input
                value={contact.occupation}
                maxLength={20}
                placeholder="选填"
                onChange={(v) => setContact({ ...contact, occupation: v })}
              />
            </Field>
            <Field label="手机号" error={ce.phone} hint="仅您本人可见完整号码">
              <Input
                value={contact.phone}
                type="tel"
                maxLength={11}
                placeholder="选填"
                onChange={(v) => setContact({ ...contact, phone: v })}
              />
            </Field>
            <Field label="标签" error={ce.tags} hint="多个标签用顿号分隔，如：重点联系、企业家">
              <Input
                value={contact.tags}
                maxLength={60}
                placeholder="选填"
                onChange={(v) => setContact({ ...contact, tags: v })}
              />
            </Field>
            <View className="row" style={{ gap: '16px' }}>
              <Button type="primary" size="small" loading={saveContact.loading} onClick={() => void onSaveContact()}>
                保存联系人
              </Button>
              <Button size="small" onClick={() => setContact(null)}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <Button size="small" style={{ marginTop: '20px' }} onClick={() => setContact(emptyContact)}>
            + 添加联系人
          </Button>
        )}
      </View>

      <View className="section-title">结对帮扶</View>
      <View className="card">
        {data.pairings.map((p) => (
          <View key={p.id} className="contact-row row">
            <View className="contact-row__main">
              <View className="contact-row__name">
                {p.name} <Text className="muted">（{PAIRING_KIND_LABELS[p.kind]}）</Text>
              </View>
              <View className="muted">
                {p.note ? `${p.note} · ` : ''}自 {p.since} 起
              </View>
            </View>
            <Text
              className="link contact-row__act"
              onClick={() =>
                void Taro.navigateTo({ url: `/member/liaison/pairing?id=${p.id}&name=${encodeURIComponent(p.name)}` })
              }
            >
              帮扶记录
            </Text>
            <Text className="link contact-row__act" onClick={() => void onRemovePairing(p)}>
              结束
            </Text>
          </View>
        ))}
        {!data.pairings.length && !pairing ? <View className="muted">还没有结对帮扶对象。</View> : null}
        {pairing ? (
          <View style={{ marginTop: '24px' }}>
            <Field label="结对对象" required error={pe.name}>
              <Input
                value={pairing.name}
                maxLength={40}
                placeholder="家庭或单位名称"
                onChange={(v) => setPairing({ ...pairing, name: v })}
              />
            </Field>
            <Field label="类型" required error={pe.kind}>
              <Choices
                options={['family', 'unit'] as const}
                labels={PAIRING_KIND_LABELS}
                value={[pairing.kind]}
                onChange={(v) => v[0] && setPairing({ ...pairing, kind: v[0] })}
              />
            </Field>
            <Field label="帮扶内容" error={pe.note}>
              <Input
                value={pairing.note}
                maxLength={200}
                placeholder="选填，如：每月探望"
                onChange={(v) => setPairing({ ...pairing, note: v })}
              />
            </Field>
            <View className="row" style={{ gap: '16px' }}>
              <Button type="primary" size="small" loading={savePairing.loading} onClick={() => void onSavePairing()}>
                保存
              </Button>
              <Button size="small" onClick={() => setPairing(null)}>
                取消
              </Button>
            </View>
          </View>
        ) : (
          <Button
            size="small"
            style={{ marginTop: '20px' }}
            onClick={() => setPairing({ name: '', kind: 'family', note: '' })}
          >
            + 添加结对
          </Button>
        )}
      </View>
      {[removeContact, removePairing].map((m, i) =>
        m.error ? (
          <View key={i} className="banner-error">
            {m.error.message}
          </View>
        ) : null,
      )}
    </Screen>
  );
}
