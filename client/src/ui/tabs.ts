// NutUI on demand: the component and its own stylesheet, nothing else of the library.
import '@nutui/nutui-react-taro/dist/es/packages/tabs/style/css';
import '@nutui/nutui-react-taro/dist/es/packages/tabpane/style/css';
export { default as Tabs } from '@nutui/nutui-react-taro/dist/es/packages/tabs';
