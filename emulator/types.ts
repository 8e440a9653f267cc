/**
 * Shapes the emulator receives as plain data. The collection declaration mirrors
 * cloudfunctions/shared/collections/decl.ts (copied on purpose: the emulator knows no product code).
 */
export interface IndexDecl {
  name: string;
  fields: [string, 1 | -1][];
  unique?: boolean;
}

export interface CollectionDecl {
  name: string;
  description: string;
  indexes: IndexDecl[];
  rule: { read: boolean; write: boolean };
  retention: { field: string; days: number } | null;
}

export interface TimerTriggerConfig {
  name: string;
  type: 'timer' | string;
  config: string;
}

/** `<functionsDir>/<name>/config.json` as deployed to WeChat Cloud. */
export interface FunctionConfig {
  timeout?: number;
  triggers?: TimerTriggerConfig[];
  permissions?: { openapi?: string[] };
  /**
   * Message-push events this function receives (e.g. wxa_media_check), as chosen once in the
   * console's 消息推送 settings; the emulator delivers them to every function listing them.
   */
  messagePush?: string[];
}

export interface OutboxEntry {
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, { value: unknown }>;
  miniprogramState: string | null;
  lang: string | null;
  at: string;
}

/** Who started a function invocation (carried to functions it calls). */
export interface CallerIdentity {
  openid?: string;
  clientIp?: string;
  source: string;
  /** A web page's login (webAuth.ts); such a caller has no openid. */
  web?: import('./webAuth').WebCaller;
}
