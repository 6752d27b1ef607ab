import { initial } from './0001-initial';
import type { Migration } from './types';

/** Every migration in order; add a numbered file and list it here. Never edit a shipped one. */
export const MIGRATIONS: readonly Migration[] = [initial];
export type { Migration };
