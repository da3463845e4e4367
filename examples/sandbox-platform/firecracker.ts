import { firecracker } from "noros";

/**
 * The clients' Firecracker setup: KVM loaded (they are bare-metal instances), `nosmt` on the kernel
 * command line, the CNI plugins the microVMs' networking uses, IP forwarding.
 */
// requirement S2.2: `firecracker()` on the bare-metal clients: kvm-intel, boot.kernelParams ["nosmt"], CNI plugins
export const firecrackerReady = firecracker({ disableSmt: true });
