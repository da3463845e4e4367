import { nix, type NixExpr } from "../ast.js";

/** `users.users.<name>` as a system user with a group of the same name: what each service runs as. */
export function systemUser(name: string, description: string): Record<string, NixExpr> {
  return {
    [`users.users.${name}`]: nix.attrs({ isSystemUser: nix.bool(true), group: nix.str(name), description: nix.str(description) }),
    [`users.groups.${name}`]: nix.attrs({}),
  };
}
