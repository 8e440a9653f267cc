// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/radio/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/radiogroup/style/css';
export { default as Radio } from '@nutui/nutui-react-taro/dist/es/packages/radio';
