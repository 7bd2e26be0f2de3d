package luoshi.system;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The npm tools of the browser and TypeScript checks (system-tests/src/test/browser/package-lock.json: playwright-core,
 * axe-core, typescript), installed with {@code npm ci} into {@code $LUOSHI_CACHE_DIR/system-tests-browser} (default
 * ~/.cache/luoshi) when the lock file changed since the last install, never into the repository; as deploy/validate.sh
 * does for its tools. Needs Node.js 20+ with npm.
 */
final class NodeTools {

    record Result(int exit, String output) {
    }

    private NodeTools() {
    }

    /** The scripts and the lock file. */
    static Path sources() {
        return LuoshiSystem.root().resolve("system-tests/src/test/browser");
    }

    /** The folder whose node_modules hold the tools, installed first if needed. */
    static synchronized Path installed() {
        String cache = System.getenv("LUOSHI_CACHE_DIR");
        Path tools = (cache == null || cache.isBlank()
                ? Path.of(System.getProperty("user.home"), ".cache", "luoshi") : Path.of(cache)).resolve("system-tests-browser");
        Path lock = sources().resolve("package-lock.json");
        Path stamp = tools.resolve(".installed-lock.json");
        try {
            if (Files.isRegularFile(stamp) && Files.mismatch(lock, stamp) == -1) {
                return tools;
            }
            delete(tools);
            Files.createDirectories(tools);
            Files.copy(sources().resolve("package.json"), tools.resolve("package.json"));
            Files.copy(lock, tools.resolve("package-lock.json"));
            Result npm = run(tools, 300, "npm", "ci", "--no-audit", "--no-fund", "--ignore-scripts", "--loglevel=error");
            if (npm.exit() != 0) {
                throw new IllegalStateException("npm ci failed in " + tools + ":\n" + npm.output());
            }
            Files.copy(lock, stamp, StandardCopyOption.REPLACE_EXISTING);
            return tools;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command in {@code dir}, its output and errors together; fails after {@code timeoutSeconds}. */
    static Result run(Path dir, long timeoutSeconds, String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            // the output is read to its end (the process closes it when it exits), so the pipe never fills
            CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
                try {
                    return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("Not done in " + timeoutSeconds + " s: " + Arrays.toString(command));
            }
            return new Result(p.exitValue(), reader.join());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + List.of(command) + " (Node.js 20+ with npm is needed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
