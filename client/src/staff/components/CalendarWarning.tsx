import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useMe } from '../../hooks/useMe';
import { useQuery } from '../../hooks/useQuery';

/**
 * From 1 November, when next year's holidays are not entered yet: the calendar's warning, on the
 * staff home in both layouts (admins are told to enter the year, staff only to look).
 */
export function CalendarWarning() {
  const { isStaff } = useMe();
  const calendar = useQuery('org.calendar', isStaff ? {} : null, String(isStaff));
  if (!calendar.data?.warning) return null;
  return (
    <View className="calendar-warning" onClick={() => void Taro.navigateTo({ url: '/staff/calendar/index' })}>
      {calendar.data.warning}
      <Text className="link">{calendar.data.canEdit ? ' 去录入 ›' : ' 查看 ›'}</Text>
    </View>
  );
}
