import { maskName, maskPhone } from '../../cloudfunctions/shared/mask';

test('when a phone or name is shown to others, then only its ends remain', () => {
  expect(maskPhone('13909431234')).toBe('139****1234');
  expect(maskPhone(null)).toBeNull();
  expect(maskName('欧阳明月')).toBe('欧**');
  expect(maskName('李')).toBe('*');
});
