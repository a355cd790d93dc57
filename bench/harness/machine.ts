import { cpus, loadavg, totalmem } from 'node:os';

/** One line naming the machine: CPU model, cores, RAM, Node version, and how busy it was (load average). */
export function machine(): string {
  const list = cpus();
  const gib = (totalmem() / 2 ** 30).toFixed(1);
  return (
    `${list[0]?.model.trim() ?? 'unknown CPU'}, ${list.length} cores, ${gib} GiB RAM, Node ${process.version}, ${process.platform}, load ` +
    `average ${loadavg()
      .map((value) => value.toFixed(1))
      .join(' ')} at the start`
  );
}
