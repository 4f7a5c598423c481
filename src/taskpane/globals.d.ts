/** Set by webpack's DefinePlugin: true in the browser-preview build (--env preview). */
declare const __PREVIEW__: boolean;
