import type { importContracts } from '../../shared/import-contracts';
import type { FeatureHandlers } from './handler-types';

export const importHandlers: FeatureHandlers<typeof importContracts> = {};
