import type { adminContracts } from '../../shared/admin-contracts';
import type { FeatureHandlers } from './handler-types';

export const adminHandlers: FeatureHandlers<typeof adminContracts> = {};
