// lodash.kebabcase for the mini-program build: NutUI's ConfigProvider (pulled in by every NutUI
// component) turns theme keys such as nutuiColorPrimary into CSS variable names with it. The
// package's Unicode word tables cost ~4 KB of the main package for ASCII camelCase keys.
module.exports = function kebabCase(value) {
  return String(value == null ? '' : value)
    .replace(/([a-z\d])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z\d])/g, '$1-$2')
    .replace(/([A-Za-z])(\d)/g, '$1-$2')
    .split(/[^A-Za-z\d]+/)
    .filter(Boolean)
    .join('-')
    .toLowerCase();
};
