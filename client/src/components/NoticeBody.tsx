import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './NoticeBody.scss';

/**
 * A notice's body: paragraphs split by blank lines, **emphasis**, [text](https://…) links. A small
 * grammar on purpose: staff type it on a phone, and nothing in it can inject markup.
 */
export function NoticeBody({ text }: { text: string }) {
  const paragraphs = text.split(/\n\s*\n/).filter((p) => p.trim());
  return (
    <View className="notice-body">
      {paragraphs.map((p, i) => (
        <View key={i} className="notice-body__p">
          {inline(p).map((part, k) =>
            part.kind === 'b' ? (
              <Text key={k} className="notice-body__b">
                {part.text}
              </Text>
            ) : part.kind === 'a' ? (
              <Text key={k} className="link" onClick={() => openLink(part.href)}>
                {part.text}
              </Text>
            ) : (
              <Text key={k}>{part.text}</Text>
            ),
          )}
        </View>
      ))}
    </View>
  );
}

type Part = { kind: 't' | 'b'; text: string } | { kind: 'a'; text: string; href: string };

export function inline(p: string): Part[] {
  const out: Part[] = [];
  const re = /\*\*(.+?)\*\*|\[([^\]]+)\]\((https?:\/\/[^)\s]+)\)/g;
  let last = 0;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    if (m.index > last) out.push({ kind: 't', text: p.slice(last, m.index) });
    out.push(m[1] ? { kind: 'b', text: m[1] } : { kind: 'a', text: m[2], href: m[3] });
    last = m.index + m[0].length;
  }
  if (last < p.length) out.push({ kind: 't', text: p.slice(last) });
  return out;
}

/** A mini-program cannot open outside pages: copy the link and say so; the browser opens it. */
function openLink(href: string) {
  if (process.env.TARO_ENV === 'h5') {
    window.open(href, '_blank', 'noopener');
    return;
  }
  void Taro.setClipboardData({ data: href }).then(() =>
    Taro.showToast({ title: '链接已复制，请在浏览器中打开', icon: 'none' }),
  );
}

export interface AttachmentItem {
  name: string;
  kind: 'pdf' | 'image';
  /** Bytes; 0 when not known. */
  size: number;
}

/**
 * A notice's files, one row each: kind, name, size. Rows open on a tap when `onOpen` is given
 * (the member's notice); `onRemove` adds a 删除 to each (compose).
 */
export function AttachmentList(p: {
  items: AttachmentItem[];
  onOpen?: (i: number) => void;
  onRemove?: (i: number) => void;
}) {
  return (
    <View className="attachments">
      {p.items.map((a, i) => (
        <View key={`${i}-${a.name}`} className="attachments__row" onClick={() => p.onOpen?.(i)}>
          <Text className={`attachments__kind attachments__kind--${a.kind}`}>{a.kind === 'pdf' ? 'PDF' : '图片'}</Text>
          <Text className={`attachments__name ${p.onOpen ? 'link' : ''}`}>{a.name}</Text>
          {a.size ? <Text className="attachments__size">{fileSize(a.size)}</Text> : null}
          {p.onRemove ? (
            <Text
              className="attachments__action"
              onClick={(e) => {
                e.stopPropagation();
                p.onRemove?.(i);
              }}
            >
              删除
            </Text>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 1.2 MB, 340 KB. */
export function fileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1024 / 1024).toFixed(1))} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}
