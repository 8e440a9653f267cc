// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/loading/style/css';
export { default as Loading } from '@nutui/nutui-react-taro/dist/es/packages/loading';
