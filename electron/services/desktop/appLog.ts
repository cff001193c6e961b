import { promises as fs, renameSync, rmSync } from 'node:fs';
import path from 'node:path';
import electronLog from 'electron-log/node';

export type LogLevel = 'info' | 'warn' | 'error';
export type LogParameters = Readonly<Record<string, string | number | boolean>>;

/** The log of main and the window: one line a code with its parameters. */
export interface AppLog {
  /** The folder the log files are in (Help › Open logs folder, the problem report). */
  readonly folder: string;
  write(level: LogLevel, source: 'main' | 'window', code: string, params?: LogParameters): void;
}

/** A log file grows to this many bytes before it is archived. */
const DEFAULT_MAX_BYTES = 1024 * 1024;
/** Archives kept beside the current file: main.1.log (newest) … main.3.log. */
export const ARCHIVED_LOGS = 3;
/**
 * Parameters are file names, codes and counts. A longer string is cut, so that no sentence of
 * an article can reach the log even when a caller passes one by mistake.
 */
export const MAX_LOGGED_STRING = 160;

export function logFileName(index: number): string {
  return index === 0 ? 'main.log' : `main.${index}.log`;
}

/** main.log → main.1.log → … → main.N.log; the oldest goes. */
function archive(file: string): void {
  const folder = path.dirname(file);
  rmSync(path.join(folder, logFileName(ARCHIVED_LOGS)), { force: true });
  for (let index = ARCHIVED_LOGS - 1; index >= 0; index -= 1) {
    try {
      renameSync(path.join(folder, logFileName(index)), path.join(folder, logFileName(index + 1)));
    } catch {
      // That archive does not exist yet.
    }
  }
}

function shortened(params: LogParameters): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [key, value] of Object.entries(params)) {
    result[key] = typeof value === 'string' && value.length > MAX_LOGGED_STRING ? `${value.slice(0, MAX_LOGGED_STRING)}… (${value.length} characters)` : value;
  }
  return result;
}

/**
 * A rotating log file through electron-log's Node logger (electron-log/node: no Electron needed,
 * so the tests run it as the app does). Lines read `[time] [level] (source) code {params}`.
 */
export async function openAppLog(folder: string, options: { maxBytes?: number; console?: boolean } = {}): Promise<AppLog> {
  await fs.mkdir(folder, { recursive: true });
  const logger = electronLog.create({ logId: `hashiye-${folder}` });
  logger.transports.file.setAppName('Hashiye');
  logger.transports.file.resolvePathFn = () => path.join(folder, logFileName(0));
  logger.transports.file.maxSize = options.maxBytes ?? DEFAULT_MAX_BYTES;
  logger.transports.file.archiveLogFn = (file) => archive(file.path);
  logger.transports.file.level = 'info';
  logger.transports.console.level = options.console ? 'warn' : false;
  return {
    folder,
    write(level, source, code, params = {}) {
      logger[level](`(${source}) ${code}`, JSON.stringify(shortened(params)));
    },
  };
}
