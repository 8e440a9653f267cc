/**
 * The org function's daily job (config.json trigger, 09:00 China time): from 1 November it reminds
 * every admin that next year's arrangement is missing (an inbox item and a subscribe message, once
 * a day: the notification's id is the day and the admin), and it finishes passing the entered
 * years on (buckets, provisional deadlines) where a save ran out of time or another instance saved.
 */
import { listCalendarYears } from '../shared/data/calendarYears';
import { listRootUnits } from '../shared/data/units';
import { listUsersInSubtree } from '../shared/data/users';
import { notify } from '../shared/notify';
import { inChina } from '../shared/time';
import { applyCalendar, missingYearWarning } from './domain/calendar';

/** Of the function's 10 s: what the recompute may take after the reminders. */
const RECOMPUTE_MS = 6000;

export async function calendarDaily(now: Date) {
  const stored = await listCalendarYears();
  const warning = missingYearWarning(now, stored);
  let reminded = 0;
  if (warning) {
    const day = inChina(now).format('YYYYMMDD');
    const next = inChina(now).year() + 1;
    for (const root of await listRootUnits()) {
      const admins = await listUsersInSubtree(root._id, { roles: 'admin' }, 0, 1000);
      await Promise.all(
        admins
          .filter((u) => u.openid)
          .map((u) =>
            notify(
              {
                id: `calendar-${day}-${u.openid}`,
                openid: u.openid!,
                kind: 'reminder',
                title: `请录入 ${next} 年放假安排`,
                body: warning,
                page: 'staff/calendar/index',
                push: {
                  template: 'taskReminder',
                  values: { thing1: `录入${next}年放假安排`, thing2: '工作日历', time3: now },
                },
              },
              now,
            ).then(() => reminded++),
          ),
      );
    }
  }
  const done = await applyCalendar(stored, now, RECOMPUTE_MS);
  return { warning: !!warning, reminded, ...done };
}
