import { promises as fs } from 'node:fs';
import path from 'node:path';
import { ARCHIVED_LOGS, logFileName } from './appLog';

/** The versions a problem report records: Hashiye's, the runtime's and the system's. */
export type ReportVersions = Readonly<Record<string, string>>;

export interface ProblemReportRequest {
  /** The folder the user chose; the report is a new folder inside it. */
  destination: string;
  logsFolder: string;
  /** The app's settings folder: settings.json and windowState.json are copied from it. */
  settingsFolder: string;
  versions: ReportVersions;
  now?: Date;
}

export interface ProblemReport {
  folder: string;
  /** The files written, relative to `folder`, sorted. */
  files: string[];
}

/** The settings files copied: preferences, recent corpora (paths), the annotator's name, window places. No corpus file is ever read. */
const SETTINGS_FILES = ['settings.json', 'windowState.json'];

export const REPORT_README = [
  'Hashiye problem report',
  '',
  'This folder holds:',
  '- logs/: the app log (main.log and its archives): what the app did, with problem codes, file names and counts;',
  '- settings.json and windowState.json: your preferences, the folders of recent corpora, your annotator name and window places;',
  '- versions.json: the versions of Hashiye, Electron, Chromium, Node and the operating system.',
  '',
  'It holds no article text and no annotation content: no .txt article and no .ann.json file is copied,',
  'and the log never records article text. Look inside before you send it.',
  '',
  'گزارش مشکل حاشیه',
  '',
  'این پوشه این‌ها را دارد: پوشهٔ logs با گزارش‌های کار برنامه (کد مشکل‌ها، نام پرونده‌ها و شمارها)؛',
  'پرونده‌های settings.json و windowState.json با تنظیمات شما، پوشه‌های پیکره‌های اخیر، نام برچسب‌زن و جای پنجره‌ها؛',
  'و versions.json با نسخه‌های حاشیه، الکترون، کرومیوم، نود و سیستم‌عامل.',
  '',
  'هیچ متن مقاله و هیچ برچسبی در آن نیست: هیچ پروندهٔ مقاله و هیچ پروندهٔ برچسب رونوشت نمی‌شود',
  'و گزارش کار هرگز متن مقاله را نمی‌نویسد. پیش از فرستادن، درونش را ببینید.',
  '',
].join('\n');

function stamp(now: Date): string {
  return now.toISOString().replace(/\.\d+Z$/, '').replace(/:/g, '-');
}

/** A new folder in `destination`, never one that exists. */
async function newReportFolder(destination: string, now: Date): Promise<string> {
  const base = path.join(destination, `hashiye-problem-report-${stamp(now)}`);
  for (let attempt = 1; ; attempt += 1) {
    const candidate = attempt === 1 ? base : `${base}-${attempt}`;
    try {
      await fs.mkdir(candidate);
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}

async function copyIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await fs.copyFile(from, to);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * Help › Report a problem: a folder of logs, settings and versions the user can look through
 * and send. It is built only from the app's own folders, never from a corpus.
 */
export async function writeProblemReport(request: ProblemReportRequest): Promise<ProblemReport> {
  const folder = await newReportFolder(request.destination, request.now ?? new Date());
  const files: string[] = [];
  await fs.writeFile(path.join(folder, 'README.txt'), REPORT_README);
  files.push('README.txt');
  await fs.writeFile(path.join(folder, 'versions.json'), `${JSON.stringify(request.versions, null, 2)}\n`);
  files.push('versions.json');
  for (const name of SETTINGS_FILES) {
    if (await copyIfPresent(path.join(request.settingsFolder, name), path.join(folder, name))) files.push(name);
  }
  await fs.mkdir(path.join(folder, 'logs'));
  for (let index = 0; index <= ARCHIVED_LOGS; index += 1) {
    const name = logFileName(index);
    if (await copyIfPresent(path.join(request.logsFolder, name), path.join(folder, 'logs', name))) files.push(`logs/${name}`);
  }
  return { folder, files: files.sort() };
}

/** The sentence main shows once the report is written, in the menu's language, naming the folder (isolated for a Persian sentence). */
export function reportContentsText(template: string, folder: string): string {
  return template.replace('{folder}', `\u2068${folder}\u2069`);
}
