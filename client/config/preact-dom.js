// react-dom for the mini-program's Preact build (aliased in config/index.ts).
// - Taro's app loader asks ReactDOM for createRoot when the React it sees reports version 18 (as
//   preact/compat does), but preact/compat keeps createRoot in its client entry: added here.
// - Preact runs useEffect after the next animation frame or 35 ms; a mini-program paints through
//   setData, not frames, so effects run on the next task, as React's scheduler runs them there.
import { options } from 'preact';
import compat from 'preact/compat';
import { createRoot } from 'preact/compat/client';

options.requestAnimationFrame = (callback) => setTimeout(callback, 0);

export * from 'preact/compat';
export { createRoot };
export default { ...compat, createRoot };
