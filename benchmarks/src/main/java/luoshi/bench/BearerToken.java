package luoshi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The token every /api/v1 call sends as {@code Authorization: Bearer …} (API.md, Security): env {@code LUOSHI_TOKEN}
 * when set; else, when {@code deploy/local/token.sh} exists, its answer to {@code admin 000000} for the system's data
 * directory (the key of a local run lives there); else none, for a system without security. token.sh's token lives
 * 12 h (the services refuse more than 24 h) and names the audience in {@code LUOSHI_JWT_AUDIENCE}, which it inherits
 * from this process as run.sh's services do: a run with an audience gets tokens for it.
 */
final class BearerToken {

    private BearerToken() {
    }

    static Optional<String> find(Path root, Path dataDir) {
        String given = System.getenv("LUOSHI_TOKEN");
        if (given != null && !given.isBlank()) {
            return Optional.of(given.trim());
        }
        Path script = root.resolve("deploy/local/token.sh");
        if (!Files.isRegularFile(script)) {
            return Optional.empty();
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", script.toString(), "admin", "000000").directory(root.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            if (dataDir != null) {
                pb.environment().put("LUOSHI_DATA_DIR", dataDir.toString());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(script + " admin 000000 gave no token (exit "
                        + (p.isAlive() ? "timeout" : p.exitValue()) + ")");
            }
            return Optional.of(out.lines().reduce((a, b) -> b).orElseThrow().trim());   // the last line is the token
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + script, e);
        }
    }
}
