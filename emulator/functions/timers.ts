import { nextFireTime, parseCron, type CronSchedule } from './cron';
import type { FunctionConfig, TimerTriggerConfig } from '../types';

export interface TimerEvent {
  Type: 'Timer';
  TriggerName: string;
  Time: string;
  Message: string;
}

export function timerTriggers(config: FunctionConfig): TimerTriggerConfig[] {
  return (config.triggers ?? []).filter((t) => t && t.type === 'timer' && typeof t.config === 'string');
}

export function timerEvent(triggerName: string, at = new Date()): TimerEvent {
  // The platform sends the scheduled instant in UTC without milliseconds.
  return { Type: 'Timer', TriggerName: triggerName, Time: at.toISOString().replace(/\.\d{3}Z$/, 'Z'), Message: '' };
}

const MAX_DELAY = 2 ** 31 - 1;

/** Runs every timer trigger on its schedule (UTC+8). */
export class TimerScheduler {
  private handles = new Set<NodeJS.Timeout>();
  private stopped = false;

  constructor(private fire: (functionName: string, triggerName: string, at: Date) => Promise<void>) {}

  schedule(functionName: string, trigger: TimerTriggerConfig): void {
    let schedule: CronSchedule;
    try {
      schedule = parseCron(trigger.config);
    } catch (e) {
      console.error(`[emulator] 云函数 ${functionName} 的定时触发器 ${trigger.name} 无效:`, (e as Error).message);
      return;
    }
    const arm = (after: Date) => {
      if (this.stopped) return;
      const next = nextFireTime(schedule, after);
      if (!next) return;
      const delay = Math.min(MAX_DELAY, Math.max(0, next.getTime() - Date.now()));
      const h = setTimeout(() => {
        this.handles.delete(h);
        if (this.stopped) return;
        if (Date.now() + 5 < next.getTime()) {
          arm(new Date(Date.now() - 1000)); // long delay was capped: re-arm
          return;
        }
        void this.fire(functionName, trigger.name, next).catch((err) => {
          console.error(`[emulator] 定时触发 ${functionName}/${trigger.name} 失败:`, err);
        });
        arm(next);
      }, delay);
      h.unref();
      this.handles.add(h);
    };
    arm(new Date());
  }

  stop(): void {
    this.stopped = true;
    for (const h of this.handles) clearTimeout(h);
    this.handles.clear();
  }
}
