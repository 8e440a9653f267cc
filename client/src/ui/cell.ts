// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/cell/style/css';
export { default as Cell } from '@nutui/nutui-react-taro/dist/es/packages/cell';
