// S0 with the sessions cache on ElastiCache: a replication group in the private subnets, TLS required,
// AUTH with the generated token, encrypted at rest. Otherwise ../bucket-host/ itself, under another
// name, so that the two can be deployed side by side.
import { bucketHost } from "../bucket-host/system.ts";

export default bucketHost("bucket-host-elasticache", { sessionsOn: "elasticache" });
