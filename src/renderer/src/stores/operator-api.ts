import { api } from '../api';

export { fieldErrorsOf } from '../components/field-errors';

/** The operators' calls are the desk's own; kept as a name so the screens read as before. */
export const operatorApi = api;
