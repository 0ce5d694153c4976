import type { invoiceContracts } from '../../shared/invoice-contracts';
import type { FeatureHandlers } from './handler-types';

export const invoiceHandlers: FeatureHandlers<typeof invoiceContracts> = {};
