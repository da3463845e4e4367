/** The artefact kinds `noros compile --target` can select. */
export const allTargets = ["terraform", "nix", "docker", "github"] as const;
export type Target = (typeof allTargets)[number];
