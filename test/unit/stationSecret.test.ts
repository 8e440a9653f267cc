/**
 * The station code's secret (issue 18): outside the emulator a missing DUTY_CODE_SECRET must not
 * fall back to one written in the source; the code refuses with a Chinese INTERNAL answer and says
 * why in the log. Codes made with different secrets differ.
 */
import { codeFor, codeIsValid, slotOf } from '../../cloudfunctions/duty/domain/stationCode';
import { AppError } from '../../cloudfunctions/shared/errors';

const at = new Date('2026-11-24T02:00:10Z');
const saved = process.env.DUTY_CODE_SECRET;
afterEach(() => {
  if (saved === undefined) delete process.env.DUTY_CODE_SECRET;
  else process.env.DUTY_CODE_SECRET = saved;
  jest.restoreAllMocks();
});

test.each([
  ['unset', undefined],
  ['empty', ''],
  ['too short to be a secret', 'abc123'],
])(
  'when DUTY_CODE_SECRET is %s, then no code is made or accepted, the answer is INTERNAL in Chinese and the log says why',
  (_, value) => {
    if (value === undefined) delete process.env.DUTY_CODE_SECRET;
    else process.env.DUTY_CODE_SECRET = value;
    const log = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const refused = (fn: () => unknown) => {
      try {
        fn();
      } catch (err) {
        return err;
      }
      return null;
    };
    for (const err of [refused(() => codeFor('ws-a', slotOf(at))), refused(() => codeIsValid('ws-a', '123456', at))]) {
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).toJSON()).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringMatching(/签到码尚未配置/),
      });
    }
    expect(log).toHaveBeenCalledWith(expect.stringContaining('DUTY_CODE_SECRET'));
  },
);

test('when the secret changes, then the codes change (none is computable from the source)', () => {
  process.env.DUTY_CODE_SECRET = 'first-secret-0123456789';
  const slot = slotOf(at);
  const first = ['ws-a', 'ws-b', 'ws-c'].map((id) => codeFor(id, slot));
  process.env.DUTY_CODE_SECRET = 'second-secret-0123456789';
  expect(['ws-a', 'ws-b', 'ws-c'].map((id) => codeFor(id, slot))).not.toEqual(first);
});
