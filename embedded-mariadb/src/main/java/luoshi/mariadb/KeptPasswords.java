package luoshi.mariadb;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The generated passwords of an embedded server's accounts, kept in its data directory ({@value #FILE}, readable by
 * its owner only: 0600) and never in the repository: they belong to that data, and go with it. One line per user,
 * {@code user=password}; {@code deploy/local/run.sh} reads the services' lines from it.
 */
public final class KeptPasswords {

    public static final String FILE = "luoshi-accounts.properties";

    private final Path file;
    private final Properties passwords = new Properties();

    private KeptPasswords(Path file) {
        this.file = file;
    }

    /** The passwords kept in {@code dataDir} (none yet when the file is missing). */
    public static synchronized KeptPasswords in(Path dataDir) {
        KeptPasswords kept = new KeptPasswords(dataDir.resolve(FILE));
        if (Files.isRegularFile(kept.file)) {
            try (Reader in = Files.newBufferedReader(kept.file, StandardCharsets.UTF_8)) {
                kept.passwords.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return kept;
    }

    public Path file() {
        return file;
    }

    public synchronized Optional<Account> account(String user) {
        return Optional.ofNullable(passwords.getProperty(user)).map(p -> new Account(user, p));
    }

    /** The kept account of {@code user}, or a new one with a generated password, kept at once. */
    public synchronized Account accountOrNew(String user) {
        return account(user).orElseGet(() -> keep(Account.generate(user)));
    }

    /** Keeps {@code account}'s password: the file is replaced whole (written under another name, then moved). */
    public synchronized Account keep(Account account) {
        passwords.setProperty(account.user(), account.password());
        Path partial = file.resolveSibling(FILE + ".partial");
        try {
            Files.deleteIfExists(partial);
            Files.createFile(partial, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
                out.write("# The accounts of this embedded MariaDB server, generated at its first start (luoshi.mariadb.KeptPasswords).\n"
                        + "# Private to this data directory: never copy it into the repository.\n");
                for (var e : new TreeMap<>(passwords).entrySet()) {
                    out.write(e.getKey() + "=" + e.getValue() + "\n");
                }
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep the accounts in " + file, e);
        }
        return account;
    }
}
