import { execFileSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';

/** CPU model, core count, memory and Node version of this machine, in one line. */
export function describeMachine(): string {
  const cores = cpus();
  const memoryGiB = (totalmem() / 1024 ** 3).toFixed(1);
  return `${cores[0]?.model ?? 'unknown CPU'}, ${cores.length} cores, ${memoryGiB} GiB memory, ${osName()}, Node ${process.version}`;
}

function osName(): string {
  try {
    const release = execFileSync('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"'], { encoding: 'utf8' }).trim();
    return release || process.platform;
  } catch {
    return process.platform;
  }
}
