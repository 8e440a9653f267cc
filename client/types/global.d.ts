/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.svg';
declare module '*.css';
declare module '*.scss';

/** Cloud environment id, set by defineConstants in config/index.ts. */
declare const CLOUD_ENV: string;

/** The production h5 console (WeChat Cloud static hosting, CloudBase web SDK); see config/index.ts. */
declare const LXQ_WEB_CLOUD: boolean;

declare namespace NodeJS {
  interface ProcessEnv {
    NODE_ENV: 'development' | 'production' | 'test';
    TARO_ENV: 'weapp' | 'h5';
  }
}

/** Deep import so only the icon configuration is bundled, not the icon set. */
declare module '@nutui/icons-react-taro/dist/es/icons/configure.js' {
  export function configure(config: {
    tag?: string;
    classPrefix?: string;
    useSvg?: boolean;
    fontClassName?: string;
  }): void;
}

/** chinese-days' UMD build (the console imports it rather than the ES build; see staff/components/holidays.ts). */
declare module 'chinese-days/dist/index.min.js' {
  const days: typeof import('chinese-days');
  export default days;
}
