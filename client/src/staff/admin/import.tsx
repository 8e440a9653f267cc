import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ImportRow } from '@lxq/types';
import { FormError } from '../../components/FormError';
import { Field } from '../../components/Field';
import { useMe } from '../../hooks/useMe';
import { useMutation } from '../../hooks/useMutation';
import { useQuery } from '../../hooks/useQuery';
import { call } from '../../services/call';
import { openWorkbook } from '../../services/download';
import { toCallError, type CallError } from '../../services/errors';
import { Button } from '../../ui/button';
import { StaffScreen } from '../components/StaffScreen';
import { AdminTabs } from './AdminTabs';
import './admin.scss';

const STATUS: Record<ImportRow['status'], [string, string]> = {
  ok: ['可导入', 'adm-status--ok'],
  error: ['有误', 'adm-status--error'],
  duplicate: ['重复', 'adm-status--skip'],
  exists: ['已存在', 'adm-status--skip'],
};

/**
 * 批量导入: download the template, fill it in Excel or WPS, choose it here; every row is checked
 * and shown before anything is written; 确认导入 invites the valid rows (the same file twice
 * invites nobody twice).
 */
export default function AdminImportPage() {
  const { me, loading } = useMe();
  const isAdmin = !!me?.roles.includes('admin');
  const tree = useQuery('admin.orgTree', isAdmin ? {} : null, String(isAdmin));
  const units = (tree.data?.items ?? []).filter((u) => !u.retired);
  const [unitId, setUnitId] = useState('');
  const unit = units.find((u) => u._id === (unitId || tree.data?.scopeUnitId)) ?? units[0];
  const [file, setFile] = useState<{ name: string; base64: string } | null>(null);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [previewError, setPreviewError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState('');
  const [result, setResult] = useState<{ created: number; skipped: number; errors: number } | null>(null);
  const commit = useMutation('admin.importCommit');

  const preview = async (picked: { name: string; base64: string }, forUnit: string) => {
    setBusy('正在检查…');
    setPreviewError(null);
    setRows(null);
    setResult(null);
    commit.reset();
    try {
      setRows((await call('admin.importPreview', { unitId: forUnit, file: picked.base64 })).rows);
    } catch (e) {
      setPreviewError(toCallError(e));
    } finally {
      setBusy('');
    }
  };

  const choose = async () => {
    if (!unit) return;
    try {
      const picked = await pickWorkbook();
      setFile(picked);
      await preview(picked, unit._id);
    } catch {
      // the person closed the picker
    }
  };

  const template = async () => {
    setBusy('正在生成模板…');
    try {
      const t = await call('admin.importTemplate', {});
      await openWorkbook(t.url, t.fileName);
    } catch (e) {
      setPreviewError(toCallError(e));
    } finally {
      setBusy('');
    }
  };

  if (!loading && !isAdmin) {
    return (
      <StaffScreen>
        <View className="card muted">系统管理仅供管理员使用。</View>
      </StaffScreen>
    );
  }
  const valid = rows?.filter((r) => r.status === 'ok').length ?? 0;
  return (
    <StaffScreen wide>
      <View className="adm">
        <AdminTabs />
        <View className="card">
          <View className="card-title">批量导入委员和工作人员</View>
          <View className="muted" style={{ margin: '8px 0 16px' }}>
            先下载模板，按“填写说明”填好后选择文件。导入前会逐行检查并预览，确认后才发出邀请；同一文件重复导入不会重复创建。
          </View>
          <Field label="导入到单位" required>
            <Picker
              mode="selector"
              range={units.map((u) => u.name)}
              value={Math.max(0, units.indexOf(unit!))}
              onChange={(e) => {
                const u = units[Number(e.detail.value)];
                if (!u) return;
                setUnitId(u._id);
                if (file) void preview(file, u._id);
              }}
            >
              <View className="picker-value" aria-label="导入到单位">
                <Text>{unit?.name ?? '加载中…'}</Text>
                <Text className="muted">›</Text>
              </View>
            </Picker>
          </Field>
          <View className="adm-actions">
            <Button disabled={!!busy} onClick={() => void template()}>
              下载模板
            </Button>
            <Button type="primary" disabled={!!busy || !unit} onClick={() => void choose()}>
              {file ? '重新选择文件' : '选择 Excel 文件'}
            </Button>
            {busy ? <Text className="muted">{busy}</Text> : null}
          </View>
          {file ? <View className="muted">已选择：{file.name}</View> : null}
        </View>
        <FormError error={previewError ?? commit.error} fieldErrors={{}} />
        {result ? (
          <View className="card" role="status" style={{ background: '#e9f7ef' }}>
            已发出 {result.created} 份邀请；跳过重复或已存在 {result.skipped} 行；有误 {result.errors} 行未导入。
            请把下表中的邀请码发给本人，在「我的 → 输入邀请码」中绑定。
          </View>
        ) : null}
        {rows ? (
          <View className="card" aria-label="导入预览">
            <View className="row" style={{ flexWrap: 'wrap', gap: '16px' }}>
              <View className="card-title">
                {result
                  ? `导入结果：共 ${rows.length} 行，已邀请 ${result.created} 人`
                  : `预览：共 ${rows.length} 行，可导入 ${valid} 行`}
              </View>
              <View className="spacer" />
              {result ? null : (
                <Button
                  type="primary"

                  disabled={!valid || commit.loading}
                  onClick={async () => {
                    const r = await commit.run({ unitId: unit!._id, file: file!.base64 });
                    if (r) {
                      setRows(r.rows);
                      setResult(r);
                    }
                  }}
                >
                  确认导入 {valid} 人
                </Button>
              )}
            </View>
            {rows.map((r) => {
              const [label, cls] = r.code ? ['已邀请', 'adm-status--ok'] : STATUS[r.status];
              return (
                <View key={r.row} className="adm-line">
                  <Text className="adm-line__meta">第 {r.row} 行</Text>
                  <Text className="adm-line__name">{r.name || '（无姓名）'}</Text>
                  <Text className="adm-line__meta">
                    {r.role} {r.phone} {r.sectorName}
                  </Text>
                  <Text className={`chip ${cls}`}>{label}</Text>
                  <Text className="adm-line__meta">{r.message}</Text>
                  {r.code ? <Text className="adm-code">{r.code}</Text> : null}
                </View>
              );
            })}
          </View>
        ) : null}
      </View>
    </StaffScreen>
  );
}

/** An .xlsx as base64: from a WeChat chat on the phone, from the disk in the browser. */
async function pickWorkbook(): Promise<{ name: string; base64: string }> {
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx'] });
    const f = res.tempFiles[0];
    const base64 = Taro.getFileSystemManager().readFileSync(f.path, 'base64') as string;
    return { name: f.name, base64 };
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    input.onchange = () => {
      const f = input.files?.[0];
      if (!f) return reject(new Error('cancelled'));
      const reader = new FileReader();
      reader.onload = () => resolve({ name: f.name, base64: String(reader.result).replace(/^data:[^,]*,/, '') });
      reader.onerror = () => reject(reader.error);
      reader.readAsDataURL(f);
    };
    input.click();
  });
}
