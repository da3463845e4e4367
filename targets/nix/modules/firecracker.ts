import { architectureOf } from "../../../compiler/util/architecture.js";
import type { ModuleOptions } from "../../../dsl/schemas/nixos/index.js";
import { nix, type NixExpr } from "../ast.js";
import type { LoweredModule } from "./context.js";

/** The KVM module of an instance type's processor: AMD families carry an "a" after the generation (c5a, m6a, c7a). */
export function kvmModule(instanceType: string): string | undefined {
  if (architectureOf(instanceType) === "arm64") return undefined; // KVM is built into the aarch64 kernel.
  const family = instanceType.split(".")[0] ?? "";
  return /^[a-z]+\d+a/.test(family) ? "kvm-amd" : "kvm-intel";
}

/**
 * A Firecracker host: KVM loaded, `nosmt` on the kernel command line (no two microVMs on sibling
 * hyperthreads), the CNI plugins that wire microVMs' tap devices, IP forwarding for them, and the
 * firecracker binary itself. KVM needs a bare-metal instance (or nested virtualisation).
 */
export function lowerFirecracker(options: ModuleOptions<"firecracker">, instanceType: string): LoweredModule {
  const kvm = kvmModule(instanceType);
  const settings: Record<string, NixExpr> = {
    "boot.kernelModules": nix.list([...(kvm ? [kvm] : []), "tun", "vhost_vsock"].map((m) => nix.str(m))),
    "boot.kernel.sysctl": nix.set([nix.attr(["net.ipv4.ip_forward"], nix.num(1))]),
    "environment.systemPackages": nix.list([nix.ref("pkgs.firecracker"), nix.ref("pkgs.cni-plugins")]),
  };
  if (options.disableSmt) settings["boot.kernelParams"] = nix.list([nix.str("nosmt")]);
  return { title: "Firecracker: KVM, CNI plugins, hyperthreading off", options: settings };
}
