import { useRouter } from '@tarojs/taro';
import { StaffScreen } from '../components/StaffScreen';
import { ConcernTriage } from './Triage';

/** One concern, reached from a link or a notification (on a PC the queue opens it beside the list). */
export default function StaffConcernDetailPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  return (
    <StaffScreen wide>
      <ConcernTriage id={id} />
    </StaffScreen>
  );
}
