/**
 * The official NixOS AMIs: the account the NixOS project publishes them from and the release noros
 * follows. Both the Terraform target (the instance's AMI) and the Nix target (the Packer template that
 * bakes a host's configuration onto one) look them up with the same filter.
 */
export const NIXOS_AMI_OWNER = "427812963091";
export const NIXOS_RELEASE = "25.05";

/** The name pattern of that release's AMIs ("nixos/25.05.20250101.abcdef0-x86_64-linux"). */
export const nixosAmiNamePattern = (): string => `nixos/${NIXOS_RELEASE}*`;
