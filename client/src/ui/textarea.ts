// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/textarea/style/css';
export { default as TextArea } from '@nutui/nutui-react-taro/dist/es/packages/textarea';
