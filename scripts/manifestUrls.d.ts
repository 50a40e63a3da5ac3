/** Types of scripts/manifestUrls.js (CommonJS, shared by webpack.config.js and the tests). */
export declare const DEV_URL: string;
export declare const DEV_ORIGIN: string;
export declare function checkPublicUrl(value: unknown): string;
export declare function rewriteManifestUrls(xml: string, publicUrl: string): string;
export declare function moveManifestUrls(xml: string, baseUrl: string): string;
