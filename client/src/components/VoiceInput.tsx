import { useEffect, useRef, useState } from 'react';
import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;
declare const requirePlugin: ((name: string) => Any) | undefined;

/**
 * Speaking instead of typing, for someone who cannot type the problem out. On WeChat the 同声传译
 * plugin (WechatSI) recognises Mandarin while the button is held; it is declared in app.config
 * only when the build is told the plugin is authorised (LXQ_VOICE_PLUGIN), so without it this
 * falls back like the browser: the browser's own speech recognition when it has one, else a hint
 * to use the keyboard's microphone key. Recognised text is added to what is already there.
 */
export function VoiceInput(p: { onText: (text: string) => void }) {
  const [listening, setListening] = useState(false);
  const [note, setNote] = useState('');
  const engine = useRef<Engine | null>(null);
  const onText = useRef(p.onText);
  onText.current = p.onText;

  useEffect(() => {
    engine.current = makeEngine(
      (t) => onText.current(t),
      (msg) => {
        setListening(false);
        setNote(msg);
      },
    );
    return () => engine.current?.stop();
  }, []);

  if (!engine.current && !hasEngine()) {
    return <View className="voice voice--none muted">不方便打字？可以点键盘上的话筒键，说话就能输入。</View>;
  }

  const start = () => {
    setNote('');
    setListening(true);
    engine.current?.start();
  };
  const stop = () => {
    setListening(false);
    engine.current?.stop();
  };
  const weapp = process.env.TARO_ENV === 'weapp';
  return (
    <View className="voice">
      <View
        className={`voice__button ${listening ? 'voice__button--on' : ''}`}
        onTouchStart={weapp ? start : undefined}
        onTouchEnd={weapp ? stop : undefined}
        onClick={weapp ? undefined : () => (listening ? stop() : start())}
      >
        <Text>
          {listening
            ? weapp
              ? '正在听，松开结束'
              : '正在听，点此结束'
            : weapp
              ? '按住说话（语音输入）'
              : '点此说话（语音输入）'}
        </Text>
      </View>
      {note ? <Text className="muted">{note}</Text> : null}
    </View>
  );
}

interface Engine {
  start: () => void;
  stop: () => void;
}

function wechatPlugin(): Any | null {
  if (process.env.TARO_ENV !== 'weapp' || typeof requirePlugin !== 'function') return null;
  try {
    return requirePlugin('WechatSI');
  } catch {
    return null;
  }
}

function browserRecognition(): Any | null {
  if (process.env.TARO_ENV !== 'h5' || typeof window === 'undefined') return null;
  const w = window as Any;
  return w.SpeechRecognition ?? w.webkitSpeechRecognition ?? null;
}

const hasEngine = () => !!(wechatPlugin() || browserRecognition());

function makeEngine(onText: (t: string) => void, onEnd: (message: string) => void): Engine | null {
  const si = wechatPlugin();
  if (si) {
    const m = si.getRecordRecognitionManager();
    m.onStop = (res: { result?: string }) => {
      if (res.result) onText(res.result);
      onEnd(res.result ? '' : '没有听清，请再说一次');
    };
    m.onError = () => onEnd('语音识别暂不可用，请打字或用键盘的话筒键');
    return {
      start: () => {
        void Taro.vibrateShort({ type: 'light' }).catch(() => undefined);
        m.start({ lang: 'zh_CN', duration: 60_000 });
      },
      stop: () => m.stop(),
    };
  }
  const Recognition = browserRecognition();
  if (!Recognition) return null;
  const r = new Recognition();
  r.lang = 'zh-CN';
  r.interimResults = false;
  r.continuous = true;
  r.onresult = (e: Any) => {
    const last = e.results[e.results.length - 1];
    if (last?.isFinal) onText(String(last[0]?.transcript ?? ''));
  };
  r.onerror = () => onEnd('没有听清或没有话筒权限，请打字输入');
  r.onend = () => onEnd('');
  return {
    start: () => {
      try {
        r.start();
      } catch {
        // already listening
      }
    },
    stop: () => {
      try {
        r.stop();
      } catch {
        // not listening
      }
    },
  };
}
