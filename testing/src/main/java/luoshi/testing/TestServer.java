package luoshi.testing;

import luoshi.mariadb.EmbeddedMariaDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded server of a test JVM: started on first use on a free port, its data in a temporary
 * directory, stopped and removed when the JVM exits. Shared by every test of the JVM.
 */
public final class TestServer {

    private static EmbeddedMariaDb server;
    private static Path data;

    private TestServer() {
    }

    public static synchronized EmbeddedMariaDb get() {
        if (server == null) {
            try {
                data = Files.createTempDirectory("luoshi-test-mariadb");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = EmbeddedMariaDb.start(0, EmbeddedMariaDb.defaultBaseDir(), data.resolve("data"));
            Runtime.getRuntime().addShutdownHook(new Thread(TestServer::shutdown, "test-mariadb-shutdown"));
        }
        return server;
    }

    private static synchronized void shutdown() {
        if (server != null) {
            server.close();
            server = null;
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory: the OS cleans what is left
            }
        }
    }
}
