package luoshi.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Runs one call from {@code clients} threads at once: each warms up, then all start together and call in a loop
 * until the duration is over (each at least {@code minPerClient} times), recording every latency.
 */
final class Latency {

    /** One call; answers false when the answer was partial (the gateway's {@code incomplete} not empty). */
    @FunctionalInterface
    interface Call {
        boolean run() throws Exception;
    }

    /**
     * What a run measured. Latencies in ms, sorted; {@code clientCpuSeconds}: the CPU time this process (the load
     * generator) used meanwhile, which the measured system did not have.
     */
    record Result(int clients, int requests, int errors, int partial, double seconds, List<Double> latenciesMs, String firstError,
            double clientCpuSeconds) {

        double percentile(double p) {
            if (latenciesMs.isEmpty()) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latenciesMs.size());   // nearest rank
            return latenciesMs.get(Math.max(0, Math.min(latenciesMs.size() - 1, rank - 1)));
        }

        double perSecond() {
            return seconds == 0 ? 0 : requests / seconds;
        }

        /** The load generator's share of the machine's CPU during the run. */
        double clientCpuShare() {
            return seconds == 0 ? 0 : clientCpuSeconds / (seconds * Runtime.getRuntime().availableProcessors());
        }
    }

    private Latency() {
    }

    /** {@code callOf} gives each client (0 … clients-1) its own call, e.g. with its own connection. */
    static Result run(int clients, int warmUpPerClient, Duration duration, int minPerClient, IntFunction<Call> callOf)
            throws InterruptedException {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger partial = new AtomicInteger();
        AtomicReference<String> firstError = new AtomicReference<>();
        CountDownLatch warm = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] startAndEnd = new long[2];
        List<Thread> threads = new ArrayList<>();
        long[] lastDone = new long[clients];
        for (int i = 0; i < clients; i++) {
            int client = i;
            Call call = callOf.apply(i);
            Thread t = new Thread(() -> {
                try {
                    for (int w = 0; w < warmUpPerClient; w++) {
                        once(call, null, errors, partial, firstError);
                    }
                    warm.countDown();
                    go.await();
                    long deadline = startAndEnd[0] + duration.toNanos();
                    for (int n = 0; n < minPerClient || System.nanoTime() < deadline; n++) {
                        once(call, latencies, errors, partial, firstError);
                    }
                    lastDone[client] = System.nanoTime();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "client-" + i);
            threads.add(t);
            t.start();
        }
        warm.await();
        // the warm-up's failures say whether the call works at all; the measured ones are counted afresh
        errors.set(0);
        partial.set(0);
        long cpuAtStart = processCpuNanos();
        startAndEnd[0] = System.nanoTime();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        long end = 0;
        for (long l : lastDone) {
            end = Math.max(end, l);
        }
        List<Double> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return new Result(clients, sorted.size(), errors.get(), partial.get(), (end - startAndEnd[0]) / 1e9, sorted,
                firstError.get(), (processCpuNanos() - cpuAtStart) / 1e9);
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void once(Call call, List<Double> latencies, AtomicInteger errors, AtomicInteger partial,
            AtomicReference<String> firstError) {
        long start = System.nanoTime();
        try {
            if (!call.run()) {
                partial.incrementAndGet();
            }
        } catch (Exception e) {
            errors.incrementAndGet();
            firstError.compareAndSet(null, e.getMessage());
        }
        if (latencies != null) {
            latencies.add((System.nanoTime() - start) / 1e6);
        }
    }
}
