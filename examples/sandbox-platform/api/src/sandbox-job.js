// A sandbox is a Nomad job with one Firecracker micro-VM booted from an environment's root filesystem
// (built by the environment pipeline from the Dockerfile a user uploaded).

const NAME = /^[a-z][a-z0-9-]{0,38}[a-z0-9]$/;
export const LIMITS = { vcpus: [1, 4], memoryMb: [128, 8192], ttlMinutes: [1, 24 * 60] };

function within(value, [min, max], field, fallback) {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) throw new RequestError(`${field} must be a whole number from ${min} to ${max}`);
  return value;
}

export class RequestError extends Error {}

/** Checks a create request ({ environment, vcpus?, memoryMb?, ttlMinutes? }) and fills in defaults. */
export function parseSandboxRequest(body) {
  if (body === null || typeof body !== "object" || Array.isArray(body)) throw new RequestError("expected a JSON object");
  const unknown = Object.keys(body).filter((k) => !["environment", "vcpus", "memoryMb", "ttlMinutes"].includes(k));
  if (unknown.length > 0) throw new RequestError(`unknown field ${unknown[0]}`);
  if (typeof body.environment !== "string" || !NAME.test(body.environment)) throw new RequestError("environment must be the name of a built environment (lowercase letters, digits, hyphens)");
  return {
    environment: body.environment,
    vcpus: within(body.vcpus, LIMITS.vcpus, "vcpus", 1),
    memoryMb: within(body.memoryMb, LIMITS.memoryMb, "memoryMb", 512),
    ttlMinutes: within(body.ttlMinutes, LIMITS.ttlMinutes, "ttlMinutes", 60),
  };
}

/** The Nomad job (JSON API form) for one sandbox. */
export function sandboxJob(id, request, { datacenter, imagesDir }) {
  return {
    Job: {
      ID: id,
      Name: id,
      Type: "batch",
      Datacenters: [datacenter],
      // Nomad has no time limit for jobs: the API's sweep stops a sandbox once its ttl has passed.
      Meta: { environment: request.environment, "ttl-minutes": String(request.ttlMinutes) },
      TaskGroups: [{
        Name: "sandbox",
        Count: 1,
        RestartPolicy: { Attempts: 0, Mode: "fail" },
        Tasks: [{
          Name: "vm",
          Driver: "firecracker-task-driver",
          KillTimeout: 10_000_000_000,
          Config: {
            KernelImage: `${imagesDir}/vmlinux`,
            BootDisk: `${imagesDir}/environments/${request.environment}.ext4`,
            Firecracker: "/run/current-system/sw/bin/firecracker",
            Vcpus: request.vcpus,
            Mem: request.memoryMb,
            Network: "sandbox",
          },
          Resources: { CPU: request.vcpus * 1000, MemoryMB: request.memoryMb },
        }],
        EphemeralDisk: { SizeMB: 300 },
      }],
      // Batch jobs are not rescheduled elsewhere: a lost sandbox is reported, not silently restarted.
      Reschedule: { Attempts: 0, Unlimited: false },
      MaxKillTimeout: 30_000_000_000,
    },
  };
}

/** Has this job (as Nomad returns it: SubmitTime in nanoseconds) outlived its ttl? */
export function expired(job, nowMs) {
  const ttl = Number(job?.Meta?.["ttl-minutes"]);
  if (!Number.isFinite(ttl) || typeof job.SubmitTime !== "number") return false;
  return job.SubmitTime / 1e6 + ttl * 60_000 <= nowMs;
}
