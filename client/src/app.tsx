import type { PropsWithChildren } from 'react';
import Taro, { useLaunch } from '@tarojs/taro';
import { configure as configureIcons } from '@nutui/icons-react-taro/dist/es/icons/configure.js';
import { MeProvider } from './hooks/useMe';
import '@nutui/icons-react-taro/dist/style_icon.css';
import './app.scss';

if (process.env.TARO_ENV === 'weapp') {
  // NutUI icons render an <i> element, which has no template in the weapp build: use a view.
  configureIcons({ tag: 'view' });
  // wx.cloud must be initialised before the first callFunction; doing it at module load
  // guarantees that even for a page opened straight from a QR code.
  Taro.cloud.init({ env: CLOUD_ENV, traceUser: true });
}

function App({ children }: PropsWithChildren) {
  useLaunch(() => undefined);
  return <MeProvider>{children}</MeProvider>;
}

export default App;
