const { src, dest, parallel } = require('gulp');

// tsc compiles the code; these tasks put the assets each engine loads beside the compiled .js.
function copyIcons() {
  return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copyN8nNodeAssets() {
  return src(['nodes/**/*.{svg,png,json}', '!nodes/node-red/**'], { encoding: false }).pipe(dest('dist/nodes'));
}

function copyNodeRedAssets() {
  return src(['nodes/node-red/**/*.{html,json,svg,png}'], { encoding: false }).pipe(dest('dist/nodes/node-red'));
}

exports.build = parallel(copyIcons, copyN8nNodeAssets, copyNodeRedAssets);
