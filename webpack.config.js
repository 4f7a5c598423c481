// One runtime for the task pane and the ESTAB custom functions (shared runtime):
// taskpane.html loads both bundles, and the manifest points Page, FunctionFile and
// Runtime at that one page. functions.json is generated from the JSDoc in
// src/functions/functions.ts; a metadata error fails the build.
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { DefinePlugin } = require("webpack");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");

const DEV_URL = "https://localhost:3000/";

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
