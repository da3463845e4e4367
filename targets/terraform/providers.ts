/** Provider versions noros generates for and validates against (see schemas/providers/README.md). */
export const pinnedProviders = {
  aws: { source: "hashicorp/aws", version: "6.25.0" },
  // Required only by systems that use them (TerraformDocument.requireProvider): generated secrets,
  // and the database's application user.
  random: { source: "hashicorp/random", version: "3.7.2" },
  postgresql: { source: "cyrilgdn/postgresql", version: "1.26.0" },
} as const;

/**
 * Providers a system with a cluster needs besides AWS: kubernetes for its workloads, helm for its
 * charts. Required only then, so that a system without a cluster never downloads them.
 */
export const clusterProviders = {
  helm: { source: "hashicorp/helm", version: "3.1.1" },
  kubernetes: { source: "hashicorp/kubernetes", version: "2.38.0" },
} as const;

export const REQUIRED_TERRAFORM = ">= 1.10";
