package luoshi.idempotency;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A request body read once to its end and kept to be read again: its fingerprint is taken before the call is done, and
 * the resource then reads it as it would have. Up to {@value #IN_MEMORY} bytes it is kept in memory; a larger one (a
 * batch of up to 16 MiB) goes to a temporary file, so that however many calls with a key arrive at once, each costs
 * {@value #IN_MEMORY} bytes of heap at most. The file is deleted when the exchange ends ({@link #delete}). The body's
 * byte limit is enforced by the stream it is read from ({@code BodyLimits}).
 */
final class SpooledBody {

    static final int IN_MEMORY = 64 * 1024;

    private final byte[] bytes;
    private final Path file;

    private SpooledBody(byte[] bytes, Path file) {
        this.bytes = bytes;
        this.file = file;
    }

    /** Reads {@code body} to its end. */
    static SpooledBody of(InputStream body) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = body.read(buffer)) >= 0) {
            head.write(buffer, 0, n);
            if (head.size() > IN_MEMORY) {
                Path file = Files.createTempFile("luoshi-body-", ".spool");
                try (OutputStream out = Files.newOutputStream(file)) {
                    head.writeTo(out);
                    body.transferTo(out);
                } catch (IOException | RuntimeException e) {
                    Files.deleteIfExists(file);
                    throw e;
                }
                return new SpooledBody(null, file);
            }
        }
        return new SpooledBody(head.toByteArray(), null);
    }

    /** The body from its first byte. */
    InputStream open() {
        try {
            return file == null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException("the spooled body is gone", e);
        }
    }

    /** Deletes the file, if there is one. */
    void delete() {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                file.toFile().deleteOnExit();
            }
        }
    }
}
