// node-cron drives the ticks: a six-field expression gives second resolution. A tick that is
// still running when the next is due is skipped: the precise timers, not the ticks,
// decide when a post leaves. Overlap is handled by publisher.tick() itself (a tick still running is
// joined, not repeated), so node-cron's own overlap guard, which logs a warning each time, is off.
import cron from 'node-cron';
import type { Publisher } from './publisher';

export function scheduleTicks(publisher: Publisher, tickSeconds: number): { stop(): Promise<void> } {
  const expression = tickSeconds === 1 ? '* * * * * *' : `*/${tickSeconds} * * * * *`;
  const task = cron.schedule(expression, () => publisher.tick(), { name: `publisher-${publisher.workerId}` });
  void publisher.tick();
  return {
    async stop() {
      await task.stop();
      await task.destroy();
    },
  };
}
