import { useEffect } from 'react';
import { MASTER_DATA_KINDS } from '../../../../shared/admin-schemas';
import { api } from '../../api';
import { SectionLayout } from '../../components/SectionLayout';
import { leaveScreenThen } from '../../stores/leave-guard-store';
import { useMasterDataStore } from '../../stores/master-data-store';
import { KIND_DEFS } from './kind-fields';
import { MasterForm } from './MasterForm';
import { MasterList } from './MasterList';
import { SchemeEditor } from './SchemeEditor';
import './master-data.css';

/** Admin → Master data: a kind picker on the left; the kind's list, a record's form or the scheme editor beside it. */
export function MasterDataPanel() {
  const kind = useMasterDataStore((s) => s.kind);
  const mode = useMasterDataStore((s) => s.mode);
  const store = useMasterDataStore.getState();

  useEffect(() => {
    void useMasterDataStore.getState().load();
    const stop = api.onChanged((notice) => {
      if (notice.entities.includes('master-data') && useMasterDataStore.getState().mode.view === 'list') void useMasterDataStore.getState().load();
    });
    return () => {
      stop();
      // A record's form is not resumed after its screen was left (its draft went with it): the next visit starts on the list.
      useMasterDataStore.setState({ mode: { view: 'list' } });
    };
  }, []);

  return (
    <SectionLayout
      label="Kinds of master data"
      sections={MASTER_DATA_KINDS.map((each) => ({ id: each, label: KIND_DEFS[each].title }))}
      shown={kind}
      onShow={(each) =>
        leaveScreenThen(() => {
          store.setKind(each);
          // The kind chosen, the cursor goes to its filter, as the list's keys start there.
          requestAnimationFrame(() => document.getElementById('master-filter')?.focus());
        })
      }
    >
      {mode.view === 'list' && <MasterList />}
      {mode.view === 'form' && <MasterForm key={`${kind}:${mode.code ?? ''}`} kind={kind} code={mode.code} />}
      {mode.view === 'scheme' && <SchemeEditor key={mode.code ?? ''} code={mode.code} />}
    </SectionLayout>
  );
}
