import type { codingContracts } from '../../shared/coding-contracts';
import type { FeatureHandlers } from './handler-types';

export const codingHandlers: FeatureHandlers<typeof codingContracts> = {};
