package luoshi.mariadb;

/**
 * Creates the services' schemas on an external server, for {@code deploy/local/run.sh} with
 * {@code LUOSHI_DB_HOST}: {@code CreateSchemas jdbc:mariadb://host:port/ user password schema…}.
 */
public final class CreateSchemas {

    private CreateSchemas() {
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: CreateSchemas SERVER_URL USER PASSWORD SCHEMA...");
            System.exit(2);
        }
        String[] schemas = java.util.Arrays.copyOfRange(args, 3, args.length);
        EmbeddedMariaDb.createSchemasOn(args[0], args[1], args[2], schemas);
    }
}
