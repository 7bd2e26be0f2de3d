package luoshi.replica;

import java.time.Instant;

/** Where the copy stands: the feed version applied and when it last caught up (null: never). */
public record ReplicaState(long version, Instant syncedAt, boolean stale) {
}
