package luoshi.mariadb;

import java.security.SecureRandom;
import java.util.regex.Pattern;

/** A MariaDB user name and its password. */
public record Account(String user, String password) {

    /** User and schema names are written into DDL (identifiers cannot be bound): only these characters are let in. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9_]{1,64}");
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final int PASSWORD_LENGTH = 24;   // about 140 bits
    private static final SecureRandom RANDOM = new SecureRandom();

    public Account {
        if (password == null) {
            password = "";
        }
    }

    /** An account with a new random password (letters and digits only: no quoting in SQL, shells or properties). */
    public static Account generate(String user) {
        return new Account(requireName(user), newPassword());
    }

    static String newPassword() {
        StringBuilder sb = new StringBuilder(PASSWORD_LENGTH);
        for (int i = 0; i < PASSWORD_LENGTH; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** {@code name}, when it is safe to write into a statement as an identifier. */
    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a schema or user name of a-z, 0-9 and _ (at most 64): " + name);
        }
        return name;
    }

    /** The password as an SQL string literal: only generated (letters and digits) or previously kept ones reach here. */
    String passwordLiteral() {
        if (!password.chars().allMatch(c -> c < 128 && Character.isLetterOrDigit(c))) {
            throw new IllegalArgumentException("a password written into DDL must be letters and digits only");
        }
        return "'" + password + "'";
    }

    @Override
    public String toString() {
        return "Account[" + user + "]";   // never the password, in a log or an assertion message
    }
}
