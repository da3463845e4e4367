import { construct, type Construct, type Ref } from "./core.js";
import type { NetworkInput } from "./schemas/network.js";

/** The references a network exposes, and the type of value each stands for. */
export const networkAttributes = { vpcId: "vpc-id", cidrBlock: "cidr" } as const;

export type Network = Construct<"network", NetworkInput> & {
  readonly vpcId: Ref<"vpc-id">;
  readonly cidrBlock: Ref<"cidr">;
};

/** A VPC with public and private subnets across availability zones, routes, and an S3 gateway endpoint. */
export function network(name: string, props: NetworkInput): Network {
  return construct("network", name, props, networkAttributes);
}
