package luoshi.testing;

import java.util.Arrays;
import java.util.List;

/**
 * Connector/J URLs of a test server, one host or several: {@code jdbc:mariadb://h:p/},
 * {@code jdbc:mariadb:sequential://h1:p1,h2:p2,h3:p3/} (a Galera cluster, deploy/galera), with or without a
 * database and {@code ?options}. A schema's URL replaces the database and keeps the hosts and the options, so
 * {@code LUOSHI_TEST_DB_URL} may be any URL the services themselves accept.
 */
public final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The URL of {@code schema} on the server(s) of {@code url}: its hosts and options, its database replaced. */
    public static String withSchema(String url, String schema) {
        int hosts = url.indexOf("//");
        if (!url.startsWith("jdbc:") || hosts < 0) {
            throw new IllegalArgumentException("not a JDBC URL with hosts (jdbc:mariadb://host:port/): " + url);
        }
        int query = url.indexOf('?', hosts + 2);
        int path = url.indexOf('/', hosts + 2);
        if (path < 0 || (query >= 0 && path > query)) {
            path = query >= 0 ? query : url.length();
        }
        return url.substring(0, path) + "/" + schema + (query >= 0 ? url.substring(query) : "");
    }

    /** The URL of no database on the server(s) of {@code url} (for CREATE and DROP DATABASE). */
    public static String server(String url) {
        return withSchema(url, "");
    }

    /** The hosts ({@code host:port}) that {@code url} names, in its order: one, or a cluster's nodes. */
    public static List<String> hosts(String url) {
        String server = server(url);
        int from = server.indexOf("//") + 2;
        return Arrays.stream(server.substring(from, server.indexOf('/', from)).split(",")).map(String::strip).toList();
    }

    /** A URL of {@code url}'s options on its {@code index}th host only (0 is the first): one node of a cluster. */
    public static String node(String url, int index, String schema) {
        String server = server(url);
        int query = server.indexOf('?');
        return "jdbc:mariadb://" + hosts(url).get(index) + "/" + schema + (query >= 0 ? server.substring(query) : "");
    }
}
