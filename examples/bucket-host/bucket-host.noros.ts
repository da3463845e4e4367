// S0 with the sessions cache on the reader itself: services.redis in its NixOS configuration.
// ../bucket-host-elasticache/ is the same system with ElastiCache instead, by that one value.
import { bucketHost, reader } from "./system.ts";

export default bucketHost("bucket-host", { sessionsOn: { host: reader } });
