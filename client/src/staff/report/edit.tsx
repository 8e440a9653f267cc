import type { ReactNode } from 'react';
import { ReportEditor } from '../../components/ReportEditor';
import { StaffScreen } from '../components/StaffScreen';

const Frame = ({ children }: { children: ReactNode }) => <StaffScreen>{children}</StaffScreen>;

/** The desk edits a submitted report before deciding, inside the console frame. */
export default function StaffEditReportPage() {
  return <ReportEditor Frame={Frame} />;
}
