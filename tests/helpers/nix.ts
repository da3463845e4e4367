import { execFileSync } from "node:child_process";

/** Whether nix-instantiate (Debian's nix-bin) is here; CI must have it, so there its absence is an error. */
export const hasNix = (() => {
  try {
    execFileSync("nix-instantiate", ["--version"], { stdio: "pipe" });
    return true;
  } catch {
    return false;
  }
})();
if (!hasNix && process.env.CI) throw new Error("nix-instantiate is required in CI (Debian package nix-bin)");
