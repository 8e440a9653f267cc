import { View } from '@tarojs/components';
import { useState } from 'react';
import { MAX_CONCERN_PHOTOS } from '@lxq/types/domain/concern';
import { LIMITS, textError } from '@lxq/types/limits';
import { useMutation } from '../hooks/useMutation';
import { confirm } from '../services/confirm';
import { Button } from '../ui/button';
import { TextArea } from '../ui/textarea';
import { Field } from './Field';
import { FormError } from './FormError';
import { PhotoPicker, type Photo } from './PhotoPicker';

/** Start handling an assigned concern, then answer it with text and photos. */
export function HandleConcern(p: { id: string; canStart: boolean; canReply: boolean; onDone: () => void }) {
  const start = useMutation('concern.start');
  const reply = useMutation('concern.reply');
  const [text, setText] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  if (!p.canStart && !p.canReply) return null;

  const onReply = async () => {
    // What is wrong is said before anything is asked.
    const tooShort = textError('答复内容', LIMITS.replyText, text);
    if (tooShort) {
      reply.setFieldErrors({ text: tooShort });
      return;
    }
    const ok = await confirm({
      title: '提交答复',
      content: '答复将发送给提交诉求的群众，确定提交吗？',
      confirmText: '提交',
      cancelText: '再改改',
    });
    if (!ok) return;
    if (await reply.run({ id: p.id, text: text.trim(), photos: photos.map((x) => x.fileID) })) p.onDone();
  };

  return (
    <View className="card">
      {p.canStart ? (
        <>
          <View className="card-title">开始办理</View>
          <View className="muted" style={{ margin: '8px 0 16px' }}>
            开始后群众会收到「办理中」的通知。
          </View>
          <FormError error={start.error} />
          <Button
            type="primary"
            block
            loading={start.loading}
            onClick={() => void start.run({ id: p.id }).then((r) => r && p.onDone())}
          >
            开始办理
          </Button>
        </>
      ) : (
        <>
          <View className="card-title">答复群众</View>
          <Field
            label="答复内容"
            required
            error={reply.fieldErrors.text}
            className="longtext"
            hint={`至少 ${LIMITS.replyText.min} 个字`}
            count={{ value: text, max: LIMITS.replyText.max }}
          >
            <TextArea
              value={text}
              maxLength={LIMITS.replyText.max * 2}
              placeholder="说明办理情况和结果"
              onChange={(v) => {
                setText(v);
                reply.clearFieldError('text');
              }}
            />
          </Field>
          <Field label="照片（选填）" error={reply.fieldErrors.photos}>
            <PhotoPicker value={photos} onChange={setPhotos} max={MAX_CONCERN_PHOTOS} folder="replies" />
          </Field>
          <FormError error={reply.error} fieldErrors={reply.fieldErrors} />
          <Button type="primary" block loading={reply.loading} onClick={() => void onReply()}>
            提交答复
          </Button>
        </>
      )}
    </View>
  );
}
