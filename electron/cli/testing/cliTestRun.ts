import { runCli } from '../cli';

/** What one run of the command line gave (tests only). */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `hashiye ARGV…` in-process with captured output, as the CLI tests do (stderr is not a terminal). */
export async function runHashiye(...argv: string[]): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, { stdout: { write: (chunk: string) => (stdout += chunk) }, stderr: { write: (chunk: string) => (stderr += chunk) } });
  return { code, stdout, stderr };
}
