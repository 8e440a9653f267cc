// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/empty/style/css';
export { default as Empty } from '@nutui/nutui-react-taro/dist/es/packages/empty';
