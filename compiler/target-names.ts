/** The artefact kinds `noros compile --target` can select. */
export const allTargets = ["terraform", "nix", "docker"] as const;
export type Target = (typeof allTargets)[number];
