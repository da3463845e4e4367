/** Provider versions noros generates for and validates against (see schemas/providers/README.md). */
export const pinnedProviders = {
  aws: { source: "hashicorp/aws", version: "6.25.0" },
} as const;

export const REQUIRED_TERRAFORM = ">= 1.10";
