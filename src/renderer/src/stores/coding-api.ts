import { api } from '../api';

/** The row-coding calls are the desk's own; kept as a name so the screens read as before. */
export const codingApi = api;
