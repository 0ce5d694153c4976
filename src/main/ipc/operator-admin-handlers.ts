import type { operatorAdminContracts } from '../../shared/operator-admin-contracts';
import type { FeatureHandlers } from './handler-types';

export const operatorAdminHandlers: FeatureHandlers<typeof operatorAdminContracts> = {};
