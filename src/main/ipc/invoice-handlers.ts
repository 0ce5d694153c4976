import type { invoiceContracts } from '../../shared/invoice-contracts';
import { exportAccountingEntries } from '../services/accounting-entry-export-service';
import { invoiceDraftForPo, listSupplierInvoices, openSupplierInvoice } from '../services/invoice-read-service';
import { invoiceReport } from '../services/invoice-report-service';
import { registerSupplierInvoice } from '../services/invoice-service';
import type { FeatureHandlers } from './handler-types';

/** Reads are open to every signed-in operator; registering and exporting check the caller's role in the service. */
export const invoiceHandlers: FeatureHandlers<typeof invoiceContracts> = {
  listSupplierInvoices: { access: 'signed-in', run: (desk, caller, input) => listSupplierInvoices(desk, caller, input) },
  openSupplierInvoice: { access: 'signed-in', run: (desk, caller, input) => openSupplierInvoice(desk, caller, input) },
  invoiceDraftForPo: { access: 'signed-in', run: (desk, caller, input) => invoiceDraftForPo(desk, caller, input) },
  // A registration changes what the PO's rows have been invoiced, which row coding reads (invoiced rows are read-only).
  registerSupplierInvoice: { access: 'signed-in', changes: ['invoices', 'coding', 'audit'], run: (desk, caller, input) => registerSupplierInvoice(desk, caller, input) },
  exportAccountingEntries: { access: 'signed-in', changes: ['invoices', 'audit'], run: (desk, caller, input) => exportAccountingEntries(desk, caller, input) },
  invoiceReport: { access: 'signed-in', run: (desk, caller, input) => invoiceReport(desk, caller, input) },
};
