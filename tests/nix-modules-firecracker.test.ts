import { describe, expect, it } from "vitest";
import { kvmModule } from "../targets/nix/modules/firecracker.js";
import { compileModules, expectGolden, expectParses, modulePart } from "./helpers/nix-modules.js";

describe("firecracker module", () => {
  it("loads KVM, turns hyperthreading off and installs the CNI plugins", () => {
    const host = compileModules(["firecracker"], `firecracker()`, { instanceType: "c5.metal" });
    const part = modulePart(host.configuration, "Firecracker");
    expectGolden("firecracker", part);
    expect(part).toContain('boot.kernelModules = [ "kvm-intel" "tun" "vhost_vsock" ];');
    expect(part).toContain('boot.kernelParams = [ "nosmt" ];');
    expect(part).toContain("pkgs.cni-plugins");
    expectParses(host.configuration);
  });

  it("picks the KVM module of the instance type's processor", () => {
    expect(kvmModule("c5.metal")).toBe("kvm-intel");
    expect(kvmModule("m6a.metal")).toBe("kvm-amd");
    expect(kvmModule("c7g.metal")).toBeUndefined();
  });
});
