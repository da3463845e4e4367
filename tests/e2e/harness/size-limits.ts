/**
 * The cost guard of the aws tier: before apply, every instance type and ECS task size in the
 * compiled Terraform is checked against small allow-listed sizes, so a typo or an example meant for
 * production does not start an expensive machine in the test account.
 */
import type { Configuration } from "./configuration.js";

export interface SizeLimits {
  /** EC2 instance types (aws_instance, aws_launch_template, aws_eks_node_group). */
  readonly instanceTypes: readonly string[];
  /** RDS instance classes. */
  readonly dbInstanceClasses: readonly string[];
  /** Fargate task cpu units and memory MiB. */
  readonly maxTaskCpu: number;
  readonly maxTaskMemory: number;
}

export const DEFAULT_SIZE_LIMITS: SizeLimits = {
  instanceTypes: ["t3.nano", "t3.micro", "t3.small", "t3.medium", "t4g.nano", "t4g.micro", "t4g.small", "t4g.medium"],
  dbInstanceClasses: ["db.t3.micro", "db.t4g.micro", "db.t3.small", "db.t4g.small"],
  maxTaskCpu: 1024,
  maxTaskMemory: 2048,
};

/** The resources over the limits, as `<type>.<name>: <what> (allowed: ...)`; empty when all fit. */
export function oversizedResources(configuration: Configuration, limits: SizeLimits): string[] {
  const problems: string[] = [];
  for (const [type, byName] of Object.entries(configuration.resource)) {
    for (const [name, body] of Object.entries(byName)) {
      const where = `${type}.${name}`;
      if ((type === "aws_instance" || type === "aws_launch_template") && body.instance_type !== undefined && !limits.instanceTypes.includes(String(body.instance_type))) {
        problems.push(`${where} is ${String(body.instance_type)} (allowed: ${limits.instanceTypes.join(", ")})`);
      }
      // An EKS managed node group names its instance types itself (its launch template has none).
      if (type === "aws_eks_node_group") {
        for (const t of (body.instance_types as unknown[] | undefined) ?? []) {
          if (!limits.instanceTypes.includes(String(t))) problems.push(`${where} is ${String(t)} (allowed: ${limits.instanceTypes.join(", ")})`);
        }
      }
      if (type === "aws_db_instance" && body.instance_class !== undefined && !limits.dbInstanceClasses.includes(String(body.instance_class))) {
        problems.push(`${where} is ${String(body.instance_class)} (allowed: ${limits.dbInstanceClasses.join(", ")})`);
      }
      if (type === "aws_ecs_task_definition") {
        if (Number(body.cpu) > limits.maxTaskCpu) problems.push(`${where} asks for ${String(body.cpu)} cpu units (at most ${limits.maxTaskCpu})`);
        if (Number(body.memory) > limits.maxTaskMemory) problems.push(`${where} asks for ${String(body.memory)} MiB (at most ${limits.maxTaskMemory})`);
      }
    }
  }
  return problems;
}
