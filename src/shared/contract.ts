import { z } from 'zod';
import { type ChannelName, channels } from './channels';

/**
 * The whole IPC surface is defined once: each contract names its channel, the input main accepts
 * and the output it promises. Preload builds `window.api` from the channels and main validates
 * against the contracts, so the two sides cannot drift apart. Feature contract files build theirs
 * with `contract` and are spread into `contracts` (./contracts.ts), which they must not import.
 */
export interface Contract<I extends z.ZodType, O extends z.ZodType> {
  channel: string;
  input: I;
  output: O;
}

export const contract = <I extends z.ZodType, O extends z.ZodType>(name: ChannelName, input: I, output: O): Contract<I, O> => ({
  channel: channels[name],
  input,
  output,
});

/** A call that takes nothing takes exactly nothing. */
export const emptyInput = z.strictObject({});
