/**
 * hclog-compatible JSON logging on stderr, the only log channel a plugin has
 * (stdout carries nothing but the handshake line).
 *
 * Each line is `{"@level","@message","@module","@timestamp",...fields}` with a
 * timestamp of exactly six fractional digits (go-plugin drops the structure of
 * lines whose timestamp it cannot parse). The level comes from TF_LOG_PROVIDER,
 * else TF_LOG: trace|debug|info|warn|error|off; "json" and unrecognised values
 * mean trace, as in Terraform; unset means off.
 */
import type { Logger } from './provider-server.js';

export type LogLevel = 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'off';

const ORDER: Record<LogLevel, number> = { trace: 0, debug: 1, info: 2, warn: 3, error: 4, off: 5 };

/** The provider log level Terraform's environment asks for. */
export function logLevelFromEnv(env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = (env.TF_LOG_PROVIDER || env.TF_LOG || '').trim().toLowerCase();
  if (raw === '') return 'off';
  if (raw in ORDER) return raw as LogLevel;
  return 'trace';
}

export interface LoggerOptions {
  /** `@module`, e.g. "alicloud" or "alicloud.tfplugin". */
  module?: string;
  level?: LogLevel;
  /** Where lines go; defaults to process.stderr. */
  write?: (line: string) => void;
  /** Fields added to every line. */
  fields?: Record<string, unknown>;
}

/** hclog timestamp: RFC 3339 with microseconds, e.g. 2025-01-02T03:04:05.678000Z. */
export function hclogTimestamp(d: Date = new Date()): string {
  return d.toISOString().replace('Z', '000Z');
}

/** A Logger writing hclog JSON lines. `with(fields)` derives a logger with extra fields. */
export function createLogger(options: LoggerOptions = {}): Logger & { level: LogLevel; with(fields: Record<string, unknown>): Logger } {
  const level = options.level ?? logLevelFromEnv();
  const write = options.write ?? ((line: string) => void process.stderr.write(line));
  const module = options.module ?? 'provider';
  const base = options.fields ?? {};
  const emit = (lvl: Exclude<LogLevel, 'off'>, message: string, fields?: Record<string, unknown>) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const entry: Record<string, unknown> = { ...base, ...fields };
    for (const [k, v] of Object.entries(entry)) {
      if (v instanceof Error) entry[k] = v.stack ?? v.message;
      else if (typeof v === 'bigint') entry[k] = v.toString();
    }
    entry['@level'] = lvl;
    entry['@message'] = message;
    entry['@module'] = module;
    entry['@timestamp'] = hclogTimestamp();
    let line: string;
    try {
      line = JSON.stringify(entry);
    } catch {
      line = JSON.stringify({ '@level': lvl, '@message': message, '@module': module, '@timestamp': entry['@timestamp'] });
    }
    write(line + '\n');
  };
  return {
    level,
    trace: (m, f) => emit('trace', m, f),
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    with: (fields) => createLogger({ ...options, level, fields: { ...base, ...fields } }),
  };
}
