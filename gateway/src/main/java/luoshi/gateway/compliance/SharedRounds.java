package luoshi.gateway.compliance;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Identical requests that arrive together share one computation, and none gets an answer computed before it
 * arrived. Per key at most one round runs; requests that arrive meanwhile join the next round, which starts when
 * the running one ends and answers all of them. So N callers of the same rollup cost at most two computations at a
 * time instead of N (benchmarks/: sixteen dashboards asking for a province's rollup at once made every service
 * evaluate it sixteen times over, past the gateway's timeout), and each answer still reflects every write
 * committed before its request. Asynchronous: no caller's thread waits for a round.
 */
final class SharedRounds<K, V> {

    private final class Key {
        CompletableFuture<V> running;
        CompletableFuture<V> next;
        /** The computation of the next round: the one its first caller brought. */
        Supplier<CompletionStage<V>> nextCompute;
    }

    private final Map<K, Key> keys = new HashMap<>();

    /** The value of {@code compute} for {@code key}, from a round that starts after this call. */
    CompletionStage<V> get(K key, Supplier<CompletionStage<V>> compute) {
        CompletableFuture<V> round;
        Key k;
        synchronized (keys) {
            k = keys.computeIfAbsent(key, x -> new Key());
            if (k.running != null) {
                if (k.next == null) {
                    k.next = new CompletableFuture<>();   // starts when the running round ends
                    k.nextCompute = compute;
                }
                return k.next;                            // a round that has not started yet: fresh enough
            }
            round = k.running = new CompletableFuture<>();
        }
        start(key, k, round, compute);
        return round;
    }

    private void start(K key, Key k, CompletableFuture<V> round, Supplier<CompletionStage<V>> compute) {
        CompletionStage<V> computing;
        try {
            computing = compute.get();
        } catch (RuntimeException e) {
            computing = CompletableFuture.failedFuture(e);
        }
        computing.whenComplete((value, failure) -> {
            CompletableFuture<V> next;
            Supplier<CompletionStage<V>> nextCompute;
            synchronized (keys) {
                // with a next round waiting, it takes over the key; else the key is done
                next = k.next;
                nextCompute = k.nextCompute;
                k.running = next;
                k.next = null;
                k.nextCompute = null;
                if (next == null) {
                    keys.remove(key);
                }
            }
            if (failure != null) {
                // each caller gets the computation's own exception
                round.completeExceptionally(failure instanceof CompletionException c && c.getCause() != null ? c.getCause() : failure);
            } else {
                round.complete(value);
            }
            if (next != null) {
                start(key, k, next, nextCompute);
            }
        });
    }
}
