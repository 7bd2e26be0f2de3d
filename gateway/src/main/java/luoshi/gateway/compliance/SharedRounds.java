package luoshi.gateway.compliance;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Identical requests that arrive together share one computation, and none gets an answer computed before it
 * arrived. Per key at most one round runs; requests that arrive meanwhile join the next round, which starts when
 * the running one ends and answers all of them. So N callers of the same rollup cost at most two computations at a
 * time instead of N (benchmarks/: sixteen dashboards asking for a province's rollup at once made every service
 * evaluate it sixteen times over, past the gateway's timeout), and each answer still reflects every write
 * committed before its request.
 */
final class SharedRounds<K, V> {

    private static final class Key {
        CompletableFuture<Object> running;
        CompletableFuture<Object> next;
    }

    private final Map<K, Key> keys = new HashMap<>();

    /** The value of {@code compute} for {@code key}, from a round that started after this call. */
    @SuppressWarnings("unchecked")
    V get(K key, Supplier<V> compute) {
        CompletableFuture<Object> mine;
        CompletableFuture<Object> after = null;
        CompletableFuture<Object> joined = null;
        Key k;
        synchronized (keys) {
            k = keys.computeIfAbsent(key, x -> new Key());
            if (k.running == null) {
                mine = k.running = new CompletableFuture<>();
            } else if (k.next == null) {
                after = k.running;
                mine = k.next = new CompletableFuture<>();
            } else {
                mine = null;
                joined = k.next;                       // a round that has not started yet: fresh enough
            }
        }
        if (joined != null) {
            return (V) join(joined);
        }
        if (after != null) {
            after.handle((v, e) -> null).join();    // the next round starts when the running one ends
            synchronized (keys) {
                k.running = mine;
                k.next = null;
            }
        }
        try {
            V value = compute.get();
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            synchronized (keys) {
                // with a next round waiting, its first caller takes over the key; else the key is done
                if (k.running == mine && k.next == null) {
                    keys.remove(key);
                }
            }
        }
    }

    private static Object join(CompletableFuture<Object> round) {
        try {
            return round.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;                           // each caller gets the computation's own exception
            }
            throw e;
        }
    }
}
