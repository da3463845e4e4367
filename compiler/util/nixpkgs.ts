/** The tarball of a pinned nixpkgs commit: what a host switching without the flake puts on NIX_PATH. */
export function nixpkgsTarball(rev: string): string {
  return `https://github.com/NixOS/nixpkgs/archive/${rev}.tar.gz`;
}
