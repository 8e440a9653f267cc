// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/input/style/css';
export { default as Input } from '@nutui/nutui-react-taro/dist/es/packages/input';
