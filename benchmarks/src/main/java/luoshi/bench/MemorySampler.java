package luoshi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Samples, every period while open, the resident memory (VmRSS) of some processes and, optionally, the heap in use
 * of one Quarkus service: from its management interface's {@code /q/metrics} ({@code jvm_memory_used_bytes{area="heap"}} summed over the
 * pools), or, where that is not readable, from {@code jcmd <pid> GC.heap_info}. Keeps the peaks.
 */
final class MemorySampler implements AutoCloseable {

    private static final Pattern HEAP_LINE = Pattern.compile("^jvm_memory_used_bytes\\{area=\"heap\"[^}]*} ([0-9.E+-]+)", Pattern.MULTILINE);
    private static final Pattern LIVE_LINE = Pattern.compile("^jvm_gc_live_data_size_bytes(\\{[^}]*})? ([0-9.E+-]+)", Pattern.MULTILINE);
    private static final Pattern JCMD_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");

    private final Map<String, Long> pids;
    private final Http heapOf;
    private final long heapPid;
    private final Map<String, Long> peakRss = new LinkedHashMap<>();
    private volatile long peakHeap = -1;
    private volatile long peakLive = -1;
    private volatile String heapSource = "none";
    private volatile int samples;
    private final Thread thread;
    private volatile boolean running = true;

    /** {@code heapOf}: the service whose heap to follow (its base URL), or null; {@code heapPid} its pid. */
    MemorySampler(Map<String, Long> pids, Http heapOf, long heapPid, Duration period) {
        this.pids = pids;
        this.heapOf = heapOf;
        this.heapPid = heapPid;
        pids.keySet().forEach(k -> peakRss.put(k, -1L));
        thread = new Thread(() -> {
            while (running) {
                sample();
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "memory-sampler");
        thread.setDaemon(true);
        thread.start();
    }

    private void sample() {
        pids.forEach((name, pid) -> {
            long rss = Processes.statusBytes(pid, "VmRSS");
            synchronized (peakRss) {
                peakRss.merge(name, rss, Math::max);
            }
        });
        if (heapOf != null) {
            heap();
        }
        samples++;
    }

    /** The first sample decides the source: /q/metrics when it answers, else jcmd; a sample that fails is skipped. */
    private void heap() {
        if (!"jcmd".equals(heapSource)) {
            try {
                Http.Answer a = heapOf.get("/q/metrics");
                if (a.ok()) {
                    double used = 0;
                    for (Matcher m = HEAP_LINE.matcher(a.body()); m.find(); ) {
                        used += Double.parseDouble(m.group(1));
                    }
                    peakHeap = Math.max(peakHeap, (long) used);
                    Matcher live = LIVE_LINE.matcher(a.body());
                    if (live.find()) {
                        peakLive = Math.max(peakLive, (long) Double.parseDouble(live.group(2)));
                    }
                    heapSource = "/q/metrics";
                    return;
                }
            } catch (RuntimeException e) {
                // busy or refused: decided below
            }
            if ("/q/metrics".equals(heapSource)) {
                return;                                  // it answered before: skip this sample
            }
        }
        heapSource = "jcmd";
        try {
            Process p = new ProcessBuilder("jcmd", String.valueOf(heapPid), "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(10, TimeUnit.SECONDS);
            Matcher m = JCMD_USED.matcher(out);
            if (m.find()) {
                peakHeap = Math.max(peakHeap, Long.parseLong(m.group(1)) * 1024);
            }
        } catch (IOException e) {
            heapSource = "none (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    Map<String, Long> peakRss() {
        synchronized (peakRss) {
            return new LinkedHashMap<>(peakRss);
        }
    }

    long peakHeap() {
        return peakHeap;
    }

    /** The largest heap left live after a collection (Micrometer's jvm_gc_live_data_size_bytes), or -1. */
    long peakLiveAfterGc() {
        return peakLive;
    }

    String heapSource() {
        return heapSource;
    }

    int samples() {
        return samples;
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sample();
    }
}
