// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/tag/style/css';
export { default as Tag } from '@nutui/nutui-react-taro/dist/es/packages/tag';
