/** Provider versions noros generates for and validates against (see schemas/providers/README.md). */
export const pinnedProviders = {
  aws: { source: "hashicorp/aws", version: "6.25.0" },
  // Required only by systems that use them (TerraformDocument.requireProvider): generated secrets,
  // and the database's application user.
  random: { source: "hashicorp/random", version: "3.7.2" },
  postgresql: { source: "cyrilgdn/postgresql", version: "1.26.0" },
} as const;

export const REQUIRED_TERRAFORM = ">= 1.10";
