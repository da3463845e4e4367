import { volume } from "noros";
import { server } from "./server.ts";

/** The game's world and saves, on a volume of their own: it outlives the instance, and is snapshotted daily. */
export const world = volume("world", { host: server, sizeGb: 50 });
