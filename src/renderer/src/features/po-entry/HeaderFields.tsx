import { describedBy, FieldError, FieldReason } from '../../components/FieldReason';
import { useSessionStore } from '../../stores/session-store';
import { usePoEntryStore } from '../../stores/po-entry-store';
import { BillingEntityField } from './BillingEntityField';
import { BudgetOrderField } from './BudgetOrderField';
import { HEADER_IDS } from './field-ids';
import { HeaderCodingField } from './header-coding/HeaderCodingField';
import { HeaderCostCenterField, NONE_TEXT } from './HeaderCostCenterField';
import { OrganisationField } from './OrganisationField';
import { ProjectCodeField } from './ProjectCodeField';
import { VendorLookup } from './VendorLookup';
import './purchasing-controls.css';

/**
 * Vendor, warehouse, billing entity, cost center or project code (the organisation's coding mode
 * decides which, never both), budget order and organisation, each with main's reason beside it, then the
 * PO coding button with the header's coding in a line. Tab order: as shown. On a PO open to view every
 * field is disabled, but the PO coding button still opens its dialog, to read the levels.
 */
export function HeaderFields({ viewing }: { viewing: boolean }) {
  const vendorText = usePoEntryStore((s) => s.vendorText);
  const warehouseCode = usePoEntryStore((s) => s.warehouseCode);
  const costCenterText = usePoEntryStore((s) => s.costCenterText);
  const noCostCenter = usePoEntryStore((s) => s.noCostCenter);
  const resolution = usePoEntryStore((s) => s.resolution);
  const fieldErrors = usePoEntryStore((s) => s.fieldErrors);
  const warehouses = usePoEntryStore((s) => s.warehouses);
  const billingEntityText = usePoEntryStore((s) => s.billingEntityText);
  const projectCodeText = usePoEntryStore((s) => s.projectCodeText);
  const setVendorText = usePoEntryStore((s) => s.setVendorText);
  const commitVendor = usePoEntryStore((s) => s.commitVendor);
  const setWarehouse = usePoEntryStore((s) => s.setWarehouse);
  const setCostCenterText = usePoEntryStore((s) => s.setCostCenterText);
  const commitCostCenter = usePoEntryStore((s) => s.commitCostCenter);
  const chooseNoCostCenter = usePoEntryStore((s) => s.chooseNoCostCenter);
  const settingsMode = useSessionStore((s) => s.settings?.codingMode ?? 'cost-centers');
  const mode = resolution ? resolution.codingMode : settingsMode;
  const costCentersEnabled = mode === 'cost-centers';

  const vendor = resolution?.vendor;
  const warehouse = resolution?.warehouse;
  const costCenter = resolution?.costCenter;
  const costCenterList = resolution?.costCenterList;
  // An error from a save is shown only when it says more than the reason already under the field.
  const extra = (key: string, reason: string | undefined) => (fieldErrors[key] && fieldErrors[key] !== reason ? fieldErrors[key] : undefined);
  const vendorError = extra('vendor', vendor?.reason);
  const warehouseError = extra('warehouse', warehouse?.reason);
  const costCenterError = extra('costCenter', costCenter?.reason);
  const knownWarehouse = warehouseCode === '' || warehouses.some((option) => option.code === warehouseCode);
  // A PO may name who is billed in every mode; the field shows where the operator has entities to choose, or the PO names one.
  const showBillingEntity = (resolution?.billingEntities.length ?? 0) > 0 || billingEntityText.trim() !== '';
  // Outside project-code mode a stored PO's own project code is still shown: switching modes never rewrites it.
  const showProjectCode = mode === 'project-codes' || projectCodeText !== '';
  const listReason = costCenterList?.reason ?? '';

  return (
    <fieldset className="header-fields">
      <legend className="sr-only">Header</legend>
      <fieldset className="header-fields-group" disabled={viewing}>
        <div className="field">
          <div className="field-label-row">
            <label htmlFor={HEADER_IDS.vendor}>Vendor</label>
            {vendor?.status === 'ok' && vendor.name && <span className="field-aside">{vendor.name}</span>}
          </div>
          <VendorLookup
            id={HEADER_IDS.vendor}
            text={vendorText}
            invalid={vendor?.status === 'refused' || Boolean(fieldErrors.vendor)}
            showCostCenters={costCentersEnabled}
            describedBy={describedBy('vendor-reason', vendorError && 'vendor-error')}
            onTextChange={setVendorText}
            onCommit={commitVendor}
          />
          <FieldReason id="vendor-reason" status={vendor?.status} text={vendor?.reason} />
          <FieldError id="vendor-error" message={vendorError} />
        </div>

        <div className="field">
          <div className="field-label-row">
            <label htmlFor={HEADER_IDS.warehouse}>Warehouse</label>
            {warehouse?.overrideApplied && <span className="field-aside">Override applies</span>}
          </div>
          <select
            id={HEADER_IDS.warehouse}
            value={warehouseCode}
            aria-invalid={warehouse?.status === 'refused' || Boolean(fieldErrors.warehouse) || undefined}
            aria-describedby={describedBy('warehouse-reason', warehouseError && 'warehouse-error')}
            onChange={(event) => setWarehouse(event.target.value)}
          >
            <option value="">Choose a warehouse…</option>
            {warehouses.map((option) => (
              <option key={option.code} value={option.code}>
                {option.code} — {option.name}
              </option>
            ))}
            {!knownWarehouse && <option value={warehouseCode}>{warehouseCode}</option>}
          </select>
          <FieldReason id="warehouse-reason" status={warehouse?.status} text={warehouse?.reason} />
          <FieldError id="warehouse-error" message={warehouseError} />
        </div>

        {showBillingEntity && <BillingEntityField />}

        {costCentersEnabled && (
          <div className="field">
            <div className="field-label-row">
              <label htmlFor={HEADER_IDS.costCenter}>Cost center</label>
              {costCenter && costCenter.source !== 'entered' && costCenter.source !== 'none' && costCenter.code === costCenterText && (
                <span className="field-aside">Default</span>
              )}
            </div>
            <HeaderCostCenterField
              id={HEADER_IDS.costCenter}
              text={noCostCenter ? NONE_TEXT : costCenterText}
              choices={resolution?.choices ?? []}
              list={costCenterList}
              invalid={costCenter?.status === 'refused' || Boolean(fieldErrors.costCenter)}
              describedBy={describedBy('cost-center-reason', listReason && 'cost-center-list-reason', costCenterError && 'cost-center-error')}
              onTextChange={setCostCenterText}
              onCommit={commitCostCenter}
              onNone={chooseNoCostCenter}
            />
            <FieldReason id="cost-center-reason" status={costCenter?.status} source={costCenter?.source} text={costCenter?.reason} />
            {listReason && (
              <p id="cost-center-list-reason" className="field-list-reason">
                {listReason}
              </p>
            )}
            <FieldError id="cost-center-error" message={costCenterError} />
          </div>
        )}

        {showProjectCode && <ProjectCodeField required={mode === 'project-codes'} />}

        <BudgetOrderField />

        <OrganisationField />
      </fieldset>

      <HeaderCodingField />
    </fieldset>
  );
}
