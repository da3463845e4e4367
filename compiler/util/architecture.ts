/**
 * The CPU architecture of an EC2 instance type: Graviton families carry a "g" after the generation
 * (m7g, c6gn, t4g); "flex" families (m7i-flex) are x86. Both the Terraform target (which AMI) and the
 * Nix target (which nixpkgs system) need it, so it lives here rather than in either.
 */
export function architectureOf(instanceType: string): "arm64" | "x86_64" {
  const family = instanceType.split(".")[0] ?? "";
  return /^[a-z]+\d+[a-z-]*g/.test(family) && !/^[a-z]+\d+[a-z-]*flex/.test(family) ? "arm64" : "x86_64";
}
