import protobuf from 'protobufjs';

/**
 * The messages wx-server-sdk exchanges for `wx.openApi` (same field numbers as the generated
 * code inside node_modules/wx-server-sdk/index.js, src/protobuf/openapi.js).
 */
const root = protobuf.Root.fromJSON({
  nested: {
    KeyValuePair: {
      fields: {
        key: { type: 'string', id: 1 },
        value: { type: 'bytes', id: 2 },
        contenttype: { type: 'string', id: 3 },
        filename: { type: 'string', id: 4 },
      },
    },
    OpenApiData: { fields: { pairs: { rule: 'repeated', type: 'KeyValuePair', id: 1 } } },
    CommApiData: {
      fields: {
        apiType: { type: 'int32', id: 1 },
        openapiData: { type: 'OpenApiData', id: 2 },
        appid: { type: 'string', id: 6 },
      },
    },
    HttpHeader: { fields: { key: { type: 'string', id: 1 }, value: { type: 'string', id: 2 } } },
    CommOpenApiResp: {
      fields: {
        respData: { type: 'bytes', id: 1 },
        contentType: { type: 'string', id: 2 },
        errorCode: { type: 'int32', id: 3 },
        httpCode: { type: 'uint32', id: 4 },
        headers: { rule: 'repeated', type: 'HttpHeader', id: 5 },
        svrkitErrorCode: { type: 'int32', id: 6 },
      },
    },
  },
});

const CommApiData = root.lookupType('CommApiData');
const CommOpenApiResp = root.lookupType('CommOpenApiResp');

export const API_TYPE_OPEN_API = 0;

export interface DecodedApiData {
  apiType: number;
  appid?: string;
  /** key → parsed JSON value (or the raw text when it is not JSON). */
  params: Record<string, unknown>;
}

export function decodeRequestData(buf: Buffer): DecodedApiData {
  const msg = CommApiData.toObject(CommApiData.decode(buf), { defaults: true }) as {
    apiType: number;
    appid?: string;
    openapiData?: { pairs?: Array<{ key: string; value: Uint8Array }> };
  };
  const params: Record<string, unknown> = {};
  for (const p of msg.openapiData?.pairs ?? []) {
    const text = Buffer.from(p.value).toString('utf8');
    try {
      params[p.key] = JSON.parse(text);
    } catch {
      params[p.key] = text;
    }
  }
  return { apiType: msg.apiType, appid: msg.appid || undefined, params };
}

export function encodeResponse(r: {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
}): Buffer {
  const msg = CommOpenApiResp.fromObject({
    respData: r.respData ?? Buffer.alloc(0),
    contentType: r.contentType ?? 'application/json; charset=utf-8',
    errorCode: r.errorCode ?? 0,
    httpCode: r.httpCode ?? 200,
    svrkitErrorCode: 0,
  });
  return Buffer.from(CommOpenApiResp.encode(msg).finish());
}
