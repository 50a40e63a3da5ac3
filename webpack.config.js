/* eslint-disable no-undef */
/**
 * Builds the task pane and the ribbon's function file into dist/ (and, for the browser tests
 * only, the harness page). Shaped like Microsoft's Office-Addin-TaskPane-React template: an
 * async function of (env, options), one entry per page, the dev server on
 * https://localhost:3000 with certificates from office-addin-dev-certs.
 *
 *   npm run build:pane   production build into dist/: the pane only (the CLI is in lib/)
 *   RAJAUS_PUBLIC_URL=https://lists.example.fi/rajaus/ npm run build:prod   (or build:pane)
 *                        the same, with dist/manifest.xml pointing at that URL (README "Deploying");
 *                        build:prod refuses to run without the URL
 *   npm run build:test   with the harness page (dist/harness/) the browser tests open
 *   npm run dev-server   https://localhost:3000, for sideloading (see npm start)
 *
 * esbuild-loader compiles TypeScript/TSX and minifies: much faster than ts-loader + terser on
 * two cores, but it does not check types. ForkTsCheckerWebpackPlugin does, in a separate
 * process, and a type error fails the build and shows in the dev server (`--env notypecheck`
 * skips it where `npm run typecheck` has just run, as in `npm test`).
 */
const path = require('node:path');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const { EsbuildPlugin } = require('esbuild-loader');
const ForkTsCheckerWebpackPlugin = require('fork-ts-checker-webpack-plugin');
const { checkPublicUrl, rewriteManifestUrls } = require('./scripts/manifestUrls.js');

async function httpsServer() {
  try {
    const devCerts = require('office-addin-dev-certs');
    const options = await devCerts.getHttpsServerOptions();
    return { type: 'https', options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (error) {
    // Without trusted certificates Office refuses the pane; say why instead of failing.
    console.warn(
      `office-addin-dev-certs could not provide a trusted certificate (${error && error.message}).\n` +
        'Serving with a self-signed certificate: open https://localhost:3000/taskpane.html once in the browser and accept it,\n' +
        'or run `npx office-addin-dev-certs install` and restart the dev server.',
    );
    return { type: 'https' };
  }
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === 'development';
  const serving = Boolean(env.WEBPACK_SERVE);
  // For a deployment elsewhere, RAJAUS_PUBLIC_URL=https://host/path/ rewrites dist/manifest.xml;
  // a URL without https or without the trailing slash stops the build here, with the reason.
  const publicUrl = process.env.RAJAUS_PUBLIC_URL ? checkPublicUrl(process.env.RAJAUS_PUBLIC_URL) : undefined;
  if (env.prod && !publicUrl) throw new Error('npm run build:prod needs RAJAUS_PUBLIC_URL, e.g. RAJAUS_PUBLIC_URL=https://lists.example.fi/rajaus/');
  // The browser tests' page is test code: built only when asked for, never for a deployment.
  const harness = Boolean(env.harness) && !publicUrl;
  const typecheck = !env.notypecheck;

  return {
    mode: dev ? 'development' : 'production',
    devtool: dev ? 'eval-cheap-module-source-map' : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      commands: './src/commands/commands.ts',
      // The browser tests' page: the simulated workbook beside the pane (test/e2e/support.ts).
      ...(harness ? { harness: './test/e2e-harness/harness.ts' } : {}),
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: dev ? '[name].js' : '[name].[contenthash:8].js',
      chunkFilename: dev ? '[name].js' : '[name].[contenthash:8].js',
      publicPath: 'auto',
      // dist/ is what a deployment serves: only this build's files.
      clean: true,
    },
    resolve: {
      extensions: ['.ts', '.tsx', '.js', '.json'],
      // Allows `import './x.js'` to mean x.ts, as TypeScript's bundler resolution does.
      extensionAlias: { '.js': ['.ts', '.tsx', '.js'] },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?tsx?$/,
          exclude: /node_modules/,
          loader: 'esbuild-loader',
          options: { target: 'es2020', tsconfig: path.resolve(__dirname, 'tsconfig.json') },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|svg)$/,
          type: 'asset/resource',
          generator: { filename: 'assets/[name][ext][query]' },
        },
      ],
    },
    optimization: {
      minimizer: [new EsbuildPlugin({ target: 'es2020', css: true })],
      // React, Fluent and the rest get their own cacheable chunks; what a step loads with
      // import() (ExcelJS, the demo generator, workers) stays out of the initial load.
      splitChunks: { chunks: 'all' },
      // webpack's runtime (the chunk map) apart, so a change in one chunk leaves the others cached.
      runtimeChunk: 'single',
    },
    performance: {
      // The budget is on the pane's initial JS, gzipped (checked in test/e2e/shell.e2e.test.ts);
      // webpack's own hint counts uncompressed bytes, so it is only a loose early warning.
      hints: dev ? false : 'warning',
      maxEntrypointSize: 1_200_000,
      // Lazily loaded chunks (postal code data, ExcelJS) may be big; only the entry matters here.
      maxAssetSize: 8_000_000,
      assetFilter: (file) => file.endsWith('.js') && !file.startsWith('harness'),
    },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets', to: 'assets' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform(content) {
              return publicUrl ? rewriteManifestUrls(content.toString(), publicUrl) : content;
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        chunks: ['taskpane'],
      }),
      new HtmlWebpackPlugin({
        filename: 'commands.html',
        template: './src/commands/commands.html',
        chunks: ['commands'],
      }),
      ...(harness
        ? [
            new HtmlWebpackPlugin({
              filename: 'harness/index.html',
              template: './test/e2e-harness/index.html',
              chunks: ['harness'],
            }),
          ]
        : []),
      ...(typecheck
        ? [
            new ForkTsCheckerWebpackPlugin({
              // Not async: the build waits for the check, so a type error fails it.
              async: false,
              typescript: { configFile: path.resolve(__dirname, 'tsconfig.build.json'), mode: 'readonly' },
            }),
          ]
        : []),
    ],
    devServer: {
      hot: true,
      headers: { 'Access-Control-Allow-Origin': '*' },
      server: serving ? await httpsServer() : undefined,
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
    stats: 'errors-warnings',
  };
};
