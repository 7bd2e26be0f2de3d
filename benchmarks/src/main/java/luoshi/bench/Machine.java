package luoshi.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the figures were measured on: the machine, its load, the commit. */
final class Machine {

    private Machine() {
    }

    static String cpu() {
        return firstValue("/proc/cpuinfo", "model name").orElse(System.getProperty("os.arch"));
    }

    static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    static String memory() {
        return firstValue("/proc/meminfo", "MemTotal").map(v -> String.format("%.1f GiB",
                Long.parseLong(v.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).orElse("?");
    }

    static String os() {
        String name = firstValue("/etc/os-release", "PRETTY_NAME", '=').map(v -> v.replace("\"", "")).orElse(System.getProperty("os.name"));
        return name + ", kernel " + System.getProperty("os.version");
    }

    static String jdk() {
        return System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version");
    }

    /** The 1-, 5- and 15-minute load averages, e.g. "1.52 0.98 0.71". */
    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static double load1() {
        try {
            return Double.parseDouble(loadAverage().split(" ")[0]);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** The commit of the worktree, "+ local changes" when it has uncommitted ones. */
    static String commit(Path root) {
        String head = git(root, "rev-parse", "--short=12", "HEAD");
        String status = git(root, "status", "--porcelain", "--untracked-files=no");
        return head.isEmpty() ? "unknown" : status.isEmpty() ? head : head + " + local changes";
    }

    static String branch(Path root) {
        return git(root, "rev-parse", "--abbrev-ref", "HEAD");
    }

    private static String git(Path root, String... args) {
        try {
            String[] cmd = new String[args.length + 3];
            cmd[0] = "git";
            cmd[1] = "-C";
            cmd[2] = root.toString();
            System.arraycopy(args, 0, cmd, 3, args.length);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : "";
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static java.util.Optional<String> firstValue(String file, String key) {
        return firstValue(file, key, ':');
    }

    private static java.util.Optional<String> firstValue(String file, String key, char separator) {
        try {
            return Files.readAllLines(Path.of(file)).stream().filter(l -> l.startsWith(key))
                    .map(l -> l.substring(l.indexOf(separator) + 1).trim()).findFirst();
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }
}
