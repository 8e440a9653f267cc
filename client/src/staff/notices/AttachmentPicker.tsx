import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { NOTICE_ATTACHMENT_LIMITS, noticeFileFolder, type NoticeAttachment } from '@lxq/types/domain/notice';
import { AttachmentList, fileSize } from '../../components/NoticeBody';
import { uploadFile } from '../../services/photos';
import { Button } from '../../ui/button';

export type PickedFile = Required<NoticeAttachment>;
interface LocalFile {
  path: string;
  name: string;
  size: number;
}

const { count: MAX_COUNT, bytes: MAX_BYTES } = NOTICE_ATTACHMENT_LIMITS;
const EXTENSIONS = ['pdf', 'jpg', 'jpeg', 'png', 'gif', 'webp'];

const kindOf = (name: string): PickedFile['kind'] | null => {
  const ext = name.split('.').pop()?.toLowerCase() ?? '';
  return ext === 'pdf' ? 'pdf' : EXTENSIONS.includes(ext) ? 'image' : null;
};

/**
 * PDF and image attachments for a notice: picked from a chat on WeChat (chooseMessageFile) or
 * from the computer in the browser, checked for kind, size and count, uploaded into the sender's
 * own folder as they are picked; each shows its name and size and can be removed.
 */
export function AttachmentPicker(p: {
  openid: string;
  value: PickedFile[];
  onChange: (v: PickedFile[]) => void;
  error?: string;
  /** The caller's upload folder (a topic's records use their own); a notice's by default. */
  folder?: (openid: string) => string;
}) {
  const [busy, setBusy] = useState('');
  const [problems, setProblems] = useState<string[]>([]);
  const room = MAX_COUNT - p.value.length;

  const add = async () => {
    setProblems([]);
    let files: LocalFile[];
    try {
      files = await chooseFiles(room);
    } catch {
      return; // the person closed the picker
    }
    const said: string[] = [];
    const ok = files.filter((f) => {
      if (!kindOf(f.name)) said.push(`「${f.name}」不是 PDF 或图片，只能添加 PDF、JPG、PNG、GIF、WEBP 文件`);
      else if (f.size > MAX_BYTES)
        said.push(`「${f.name}」有 ${fileSize(f.size)}，每个附件不能超过 ${fileSize(MAX_BYTES)}`);
      else return true;
      return false;
    });
    if (ok.length > room) said.push(`附件最多 ${MAX_COUNT} 个，多出的 ${ok.length - room} 个没有添加`);
    const added: PickedFile[] = [];
    for (const [i, f] of ok.slice(0, room).entries()) {
      setBusy(`上传中 ${i + 1}/${Math.min(ok.length, room)}…`);
      const ext = f.name.split('.').pop()?.toLowerCase() ?? '';
      const cloudPath = `${(p.folder ?? noticeFileFolder)(p.openid)}/${Date.now()}-${Math.random().toString(36).slice(2, 8)}.${ext}`;
      try {
        const fileId = await uploadFile(f.path, cloudPath);
        added.push({ fileId, name: f.name.slice(0, 80), kind: kindOf(f.name)!, size: f.size });
      } catch {
        said.push(`「${f.name}」上传失败，请检查网络后重试`);
      }
    }
    setBusy('');
    setProblems(said);
    if (added.length) p.onChange([...p.value, ...added]);
  };

  return (
    <View>
      <AttachmentList items={p.value} onRemove={(i) => p.onChange(p.value.filter((_, k) => k !== i))} />
      <View className="row" style={{ gap: '16px', margin: '12px 0' }}>
        <Button size="small" fill="outline" disabled={!!busy || room <= 0} onClick={() => void add()}>
          {busy || '添加附件'}
        </Button>
        <View className="muted">
          PDF 或图片，最多 {MAX_COUNT} 个，每个不超过 {fileSize(MAX_BYTES)}
        </View>
      </View>
      {[...problems, ...(p.error ? [p.error] : [])].map((m) => (
        <View key={m} className="field__error">
          {m}
        </View>
      ))}
    </View>
  );
}

/** Files picked by the person: from a WeChat chat on the phone, from the disk in the browser. */
async function chooseFiles(count: number): Promise<LocalFile[]> {
  if (count <= 0) return [];
  if (process.env.TARO_ENV === 'weapp') {
    const res = await Taro.chooseMessageFile({ count, type: 'file', extension: EXTENSIONS });
    return res.tempFiles.map((f) => ({ path: f.path, name: f.name, size: f.size }));
  }
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = 'application/pdf,image/jpeg,image/png,image/gif,image/webp';
    input.onchange = () => {
      const files = Array.from(input.files ?? []);
      if (!files.length) reject(new Error('cancelled'));
      resolve(files.map((f) => ({ path: URL.createObjectURL(f), name: f.name, size: f.size })));
    };
    input.click();
  });
}
