// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/button/style/css';
export { default as Button } from '@nutui/nutui-react-taro/dist/es/packages/button';
