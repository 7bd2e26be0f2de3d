package luoshi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/** Calls made at the same moment, for the tests of concurrent writes: no sleep, the threads are released together. */
public final class Concurrently {

    private Concurrently() {
    }

    /** Runs every call on a thread of its own, all released at once, and answers their results in the calls' order. */
    @SafeVarargs
    public static <T> List<T> run(Callable<T>... calls) {
        ExecutorService threads = Executors.newFixedThreadPool(calls.length);
        CyclicBarrier start = new CyclicBarrier(calls.length);
        try {
            List<Future<T>> running = new ArrayList<>();
            for (Callable<T> call : calls) {
                running.add(threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return call.call();
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> result : running) {
                results.add(result.get(60, TimeUnit.SECONDS));
            }
            return results;
        } catch (Exception e) {
            throw new AssertionError("a concurrent call failed", e);
        } finally {
            threads.shutdownNow();
        }
    }
}
