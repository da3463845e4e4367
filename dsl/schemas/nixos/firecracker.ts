import { z } from "zod";

/**
 * A host ready for Firecracker microVMs: KVM loaded, simultaneous multithreading off (microVMs on
 * sibling hyperthreads could observe each other), CNI plugins for their networking, firecracker itself.
 */
export const FirecrackerSchema = z.strictObject({
  /** Turn hyperthreading off (`nosmt`): Firecracker's production host setup asks for it. */
  disableSmt: z.boolean().default(true),
});

export type FirecrackerInput = z.input<typeof FirecrackerSchema>;
export type FirecrackerProps = z.output<typeof FirecrackerSchema>;
