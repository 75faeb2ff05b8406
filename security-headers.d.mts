export type ResponseHeader = { key: string; value: string };
export declare const SECURITY_HEADERS: readonly ResponseHeader[];
export declare const STRICT_TRANSPORT_SECURITY: ResponseHeader;
