import fs from 'node:fs';
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';

const typesDir = path.resolve(__dirname, '../../types');

/**
 * Webpack's module/chunk stats beside the build (<dist>/<env>.stats.json, not inside what is served):
 * which module lands in which chunk, which chunks a page loads. Always for h5, `LXQ_STATS=1` for weapp.
 */
class WriteStats {
  constructor(private readonly file: string) {}
  apply(compiler: {
    hooks: { done: { tap(name: string, fn: (stats: { toJson(o: object): unknown }) => void): void } };
  }) {
    compiler.hooks.done.tap('lxq-stats', (stats) => {
      const json = stats.toJson({
        all: false,
        ids: true,
        assets: true,
        chunks: true,
        chunkModules: true,
        nestedModules: true,
        chunkModulesSpace: Infinity,
        nestedModulesSpace: Infinity,
        dependentModules: true,
        chunkGroups: true,
        chunkRelations: true,
      });
      fs.mkdirSync(path.dirname(this.file), { recursive: true });
      fs.writeFileSync(this.file, JSON.stringify(json));
    });
  }
}

/**
 * One source, two builds. `TARO_ENV` is weapp or h5; outputs go to ../dist/<env> so the
 * emulator serves dist/h5 and project.config.json points at dist/weapp.
 */
export default defineConfig<'webpack5'>(async (merge) => {
  const isProd = process.env.NODE_ENV !== 'development';
  // The production console (LXQ_WEB=cloud) goes beside the emulator's h5 build, never over it.
  const target = process.env.LXQ_WEB === 'cloud' ? 'h5-console' : process.env.TARO_ENV;
  const outputRoot = `${process.env.LXQ_DIST_DIR || '../dist'}/${target}`;
  const base: UserConfigExport<'webpack5'> = {
    projectName: 'lianxinqiao',
    date: '2025-1-1',
    // NutUI is written for a 375-wide design; our own styles for 750.
    designWidth(input) {
      const file = typeof input === 'object' && input?.file ? String(input.file).replace(/\\+/g, '/') : '';
      return file.includes('@nutui') ? 375 : 750;
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot,
    plugins: [],
    defineConstants: {
      CLOUD_ENV: JSON.stringify(process.env.CLOUD_ENV || 'lianxinqiao-prod'),
      // `LXQ_WEB=cloud npm run build:h5`: the h5 console for WeChat Cloud's static hosting, calling
      // the functions through the CloudBase web SDK; without it the h5 build talks to the emulator.
      LXQ_WEB_CLOUD: JSON.stringify(process.env.LXQ_WEB === 'cloud'),
    },
    alias: {
      '@lxq/types': typesDir,
    },
    // The browser tab's icon (h5 only; the mini-program's icon is set on the WeChat platform).
    copy: {
      patterns:
        process.env.TARO_ENV === 'h5' ? [{ from: 'src/assets/favicon.png', to: `${outputRoot}/favicon.png` }] : [],
      options: {},
    },
    // Taro's weapp templates repeat every used component once per nesting level (2.7 KB a level in
    // base.wxml); deeper trees continue through its recursive comp template. 14 levels hold every
    // page the weapp tests render, and keep the main package inside its 400 KB.
    baseLevel: 14,
    // The mini-program runs on Preact (its compat layer stands in for react and react-dom): React's
    // reconciler alone was ~90 KB of the weapp main package's 400 KB budget. The browser build keeps React.
    framework: process.env.TARO_ENV === 'weapp' ? 'preact' : 'react',
    compiler: { type: 'webpack5', prebundle: { enable: false } },
    cache: { enable: false },
    // Chinese text kept as UTF-8 (3 bytes a character) instead of \uXXXX escapes (6): about 9 KB
    // off the weapp main package, where every page's copy is Chinese.
    terser: {
      enable: true,
      config: {
        output: { ascii_only: false },
        // Taro's mini-program defaults turn off most of terser's compression (inlining, variable
        // reduction…); its own defaults are sound for ES5 output and take ~5% off the main package.
        ...(process.env.TARO_ENV === 'weapp'
          ? {
              compress: {
                collapse_vars: true,
                comparisons: true,
                computed_props: true,
                hoist_props: true,
                inline: true,
                loops: true,
                properties: true,
                reduce_funcs: true,
                reduce_vars: true,
                switches: true,
                passes: 2,
              },
            }
          : {}),
      },
    },
    logger: { quiet: true, stats: false },
    mini: {
      webpackChain(chain) {
        if (process.env.LXQ_STATS) chain.plugin('lxq-stats').use(WriteStats, [`${outputRoot}.stats.json`]);
        chain.resolve.alias.set('lodash.kebabcase$', path.resolve(__dirname, 'kebabcase.js'));
        // before resolution, so the framework plugin's own react-dom alias (plain preact/compat) never applies
        chain
          .plugin('lxq-preact-dom')
          .use(webpack.NormalModuleReplacementPlugin, [/^react-dom$/, path.resolve(__dirname, 'preact-dom.js')]);
      },
      compile: { include: [typesDir] },
      // Source maps would count against the 2 MB package; production builds ship none.
      enableSourceMap: !isProd,
      postcss: {
        // The mini-program's webviews (iOS 10+, a current Chromium on Android) need no -ms- and few
        // -webkit- prefixes; package.json's browserslist is for the h5 build's browsers.
        autoprefixer: { enable: true, config: { overrideBrowserslist: ['ios >= 10', 'chrome >= 53'] } },
        pxtransform: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
        // NutUI's CSS the app cannot use (unset variables, right-to-left, unused Button variants): -17 KB.
        './config/postcss-nutui-slim.js': {
          enable: true,
          config: {
            roots: [
              path.resolve(__dirname, '../src'),
              path.resolve(__dirname, '../../node_modules/@nutui/nutui-react-taro/dist/es/packages'),
              path.resolve(__dirname, '../../node_modules/@nutui/icons-react-taro/dist/es'),
            ],
            sources: path.resolve(__dirname, '../src'),
          },
        },
      },
      optimizeMainPackage: { enable: true },
      miniCssExtractPluginOption: { ignoreOrder: true },
    },
    h5: {
      webpackChain(chain) {
        // Always for h5: test/unit/budgets.test.ts reads it (first loads, modules shipped twice).
        chain.plugin('lxq-stats').use(WriteStats, [`${outputRoot}.stats.json`]);
        // Taro splits only the initial chunks, so every lazily loaded page carried its own copy of
        // the libraries and components it shares with others. Splitting async chunks too, without
        // size or request-count limits, leaves each module in exactly one chunk.
        const split = chain.optimization.get('splitChunks');
        if (split) {
          chain.optimization.splitChunks({
            ...split,
            chunks: 'all',
            maxAsyncRequests: Infinity,
            maxInitialRequests: Infinity,
          });
        }
      },
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [typesDir] },
      enableSourceMap: false,
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        // The root font size follows the screen's shorter side; capped at 24px so a staff PC
        // (1280×800) shows the pages at a phone-like scale (Taro's default cap of 40px doubled them).
        pxtransform: { enable: true, config: { maxRootSize: 24 } },
        autoprefixer: { enable: true, config: {} },
        cssModules: {
          enable: false,
          config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' },
        },
      },
    },
  };
  return merge({}, base, isProd ? { mini: {}, h5: {} } : {});
});
