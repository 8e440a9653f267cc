// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/checkbox/style/css';
export { default as Checkbox } from '@nutui/nutui-react-taro/dist/es/packages/checkbox';
