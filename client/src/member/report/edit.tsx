import { ReportEditor } from '../../components/ReportEditor';
import { Screen } from '../../components/Screen';

/** The author edits their report (the desk has its own page in the console). */
export default function EditReportPage() {
  return <ReportEditor Frame={Screen} />;
}
