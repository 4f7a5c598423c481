// One runtime for the task pane and the ESTAB custom functions (shared runtime):
// taskpane.html loads both entries, and the manifest points Page, FunctionFile and
// Runtime at that one page. The code both entries use (the core) is in one shared chunk
// under one webpack runtime, so the page loads and runs it once. functions.json is
// generated from the JSDoc in src/functions/functions.ts; a metadata error fails the
// build. help.html (SupportUrl, LearnMoreUrl, each function's helpUrl) is a static page
// copied beside taskpane.html.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { Compilation, DefinePlugin, sources } = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";

/**
 * Points the development URLs in an emitted asset at the deployment (functions.json's
 * helpUrls come from JSDoc, which names https://localhost:3000/ as the manifest does).
 */
class RewriteUrlsPlugin {
  constructor(files, baseUrl) {
    this.files = files;
    this.baseUrl = baseUrl;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteUrlsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteUrlsPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          for (const file of this.files) {
            const asset = compilation.getAsset(file);
            if (!asset) continue;
            const text = asset.source.source().toString().replaceAll(DEV_URL, this.baseUrl);
            compilation.updateAsset(file, new sources.RawSource(text));
          }
        }
      );
    });
  }
}

/** The HTTPS base URL the production manifest points at (ESTAB_BASE_URL, ending in "/"). */
function productionBaseUrl() {
  const url = process.env.ESTAB_BASE_URL || "https://estab.example.org/";
  if (!/^https:\/\/[^\s]+\/$/.test(url)) {
    throw new Error(`ESTAB_BASE_URL must be an https:// URL ending in "/": got '${url}'`);
  }
  return url;
}

async function devServerHttps() {
  // Sideloading into Excel needs the trusted localhost certificate office-addin-dev-certs
  // installs; the browser preview (npm run preview) runs over plain HTTP and needs none.
  const devCerts = require("office-addin-dev-certs");
  const options = await devCerts.getHttpsServerOptions();
  return { ca: options.ca, key: options.key, cert: options.cert };
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const preview = Boolean(env && env.preview);
  const baseUrl = dev ? DEV_URL : productionBaseUrl();
  return {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      functions: "./src/functions/functions.ts",
    },
    output: {
      // The browser preview builds into its own folder, so it never mixes with the add-in.
      path: path.resolve(__dirname, preview ? "dist-preview" : "dist"),
      filename: "[name].js",
      // Lazy chunks (the preview and ExcelJS, preview build only) keep their names.
      chunkFilename: "[name].js",
      clean: preview ? true : { keep: /^cli\/|^bench\// },
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: "tsconfig.json",
              compilerOptions: { module: "es2020", sourceMap: dev },
            },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico|xlsx)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    performance: { hints: false },
    // Add-in build: taskpane.html loads both entries into the one shared runtime, so the
    // modules both use (the core) go in one chunk, shared.js, under one webpack runtime
    // (runtime.js): loaded once, evaluated once, one module cache (one costing-context
    // cache) for the pane and the functions. Nothing else is split.
    ...(!preview && {
      optimization: {
        runtimeChunk: "single",
        splitChunks: {
          cacheGroups: {
            default: false,
            defaultVendors: false,
            shared: { name: "shared", chunks: "initial", minChunks: 2, enforce: true },
          },
        },
      },
    }),
    // Preview build only: ExcelJS gets its own, named, lazy chunk.
    ...(preview && {
      optimization: {
        splitChunks: {
          cacheGroups: {
            exceljs: {
              test: /[\\/]node_modules[\\/]exceljs[\\/]/,
              name: "exceljs",
              chunks: "async",
              priority: 10,
            },
          },
        },
      },
    }),
    // No `global` shim: webpack's fallback for it is `new Function("return this")`, which a
    // strict CSP forbids and every browser Office supports makes unnecessary (globalThis).
    node: { global: false },
    plugins: [
      // false in the add-in build: the preview code and ExcelJS are left out entirely.
      new DefinePlugin({ __PREVIEW__: JSON.stringify(preview) }),
      new CustomFunctionsMetadataPlugin({
        output: "functions.json",
        input: "./src/functions/functions.ts",
      }),
      ...(dev ? [] : [new RewriteUrlsPlugin(["functions.json"], baseUrl)]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The preview has no Excel to run custom functions in: it loads the task pane alone.
        chunks: preview ? ["taskpane"] : ["functions", "taskpane"],
        templateParameters: { officeJs: !preview },
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          // The help page: static, no script, served beside taskpane.html.
          { from: "src/help/help.html", to: "help.html" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev ? content : content.toString().replaceAll(DEV_URL, baseUrl),
          },
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, preview ? "dist-preview" : "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server:
        preview || !env.WEBPACK_SERVE ? "http" : { type: "https", options: await devServerHttps() },
      port: process.env.npm_package_config_dev_server_port || 3000,
      hot: false,
    },
  };
};
