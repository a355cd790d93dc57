/** With `BRIEFKIT_TIMINGS=1`, how long each step took goes to stderr (to see where a build's time goes). */
export function timing(step: string, started: number): void {
  if (process.env.BRIEFKIT_TIMINGS) process.stderr.write(`briefkit: ${step} ${Math.round(performance.now() - started)} ms\n`);
}
