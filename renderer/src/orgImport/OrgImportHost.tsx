import { OrgImportDialog } from './OrgImportDialog';
import { useOrgImportStore } from './orgImportStore';

/** The organisation import dialog, while File > Import organisation... has it open. */
export function OrgImportHost() {
  const open = useOrgImportStore((s) => s.open);
  const hide = useOrgImportStore((s) => s.hide);
  return open ? <OrgImportDialog onClose={hide} /> : null;
}
