// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/switch/style/css';
export { default as Switch } from '@nutui/nutui-react-taro/dist/es/packages/switch';
