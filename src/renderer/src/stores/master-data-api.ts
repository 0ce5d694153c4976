import { api } from '../api';

/** The master-data and scheme calls are the desk's own; kept as a name so the screens read as before. */
export const masterDataApi = api;
