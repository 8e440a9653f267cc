import { Image, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { UploadPurpose } from '@lxq/types/domain/files';
import { choosePhotos, uploadPhoto } from '../services/photos';
import './PhotoPicker.scss';

export interface Photo {
  fileID: string;
  /** What the page shows: the local path just picked, or a temp URL from the server. */
  src: string;
}

/** Up to `max` photos, uploaded as they are picked; tap one to remove it (after asking). */
export function PhotoPicker(p: { value: Photo[]; onChange: (v: Photo[]) => void; max: number; folder: UploadPurpose }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  const add = async () => {
    setError('');
    let paths: string[] = [];
    try {
      paths = await choosePhotos(p.max - p.value.length);
    } catch {
      return; // the person closed the picker
    }
    if (!paths.length) return;
    setBusy(true);
    try {
      const added: Photo[] = [];
      for (const src of paths) added.push({ fileID: await uploadPhoto(src, p.folder), src });
      p.onChange([...p.value, ...added].slice(0, p.max));
    } catch {
      setError('照片上传失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  const remove = async (i: number) => {
    const { confirm } = await Taro.showModal({ title: '删除这张照片？', confirmText: '删除', cancelText: '保留' });
    if (confirm) p.onChange(p.value.filter((_, k) => k !== i));
  };

  return (
    <View>
      <View className="photos">
        {p.value.map((ph, i) => (
          <View key={ph.fileID} className="photos__item" onClick={() => void remove(i)}>
            <Image className="photos__img" src={ph.src} mode="aspectFill" />
            <View className="photos__del">×</View>
          </View>
        ))}
        {p.value.length < p.max && (
          <View className="photos__add" onClick={() => void add()}>
            {busy ? '上传中…' : '+ 添加照片'}
          </View>
        )}
      </View>
      {error ? <View className="field__error">{error}</View> : null}
    </View>
  );
}
