package luoshi.review.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import luoshi.api.common.Page;
import luoshi.api.review.Webhook;
import luoshi.db.Database;
import luoshi.db.Sql;
import luoshi.db.Timestamps;

/**
 * The subscriptions (table {@code webhook}). {@code region_prefix} is {@code RegionCode.prefix(region_code)} ('' for
 * the country): a reminder goes to every webhook whose prefix starts its region code.
 */
@ApplicationScoped
public class WebhookStore {

    /** A subscription as stored, its secret included. */
    public record StoredWebhook(String id, String url, String regionCode, String regionPrefix, String secret,
            Instant createdAt) {

        /** The subscription as the contract shows it: without the secret, which only the creation's answer shows. */
        public Webhook toWebhook() {
            return new Webhook(id, url, regionCode, createdAt);
        }
    }

    /** What the outbox needs of a subscription to match it with a reminder's region. */
    public record Subscriber(String webhookId, String regionPrefix) {
    }

    private static final String COLUMNS = "id, url, region_code, region_prefix, secret, created_at";

    private final Database db;

    WebhookStore(Database db) {
        this.db = db;
    }

    public void insert(StoredWebhook w) {
        db.update(Sql.of("INSERT INTO webhook (" + COLUMNS + ") VALUES (:id, :url, :region, :prefix, :secret, :created)")
                .bind("id", w.id()).bind("url", w.url()).bind("region", w.regionCode()).bind("prefix", w.regionPrefix())
                .bind("secret", w.secret()).bind("created", Timestamps.utc(w.createdAt())));
    }

    public Optional<StoredWebhook> find(String id) {
        return db.one(Sql.of("SELECT " + COLUMNS + " FROM webhook WHERE id = :id").bind("id", id), WebhookStore::webhook);
    }

    /** Deletes the subscription; its deliveries go with it (ON DELETE CASCADE). */
    public void delete(String id) {
        db.update(Sql.of("DELETE FROM webhook WHERE id = :id").bind("id", id));
    }

    public List<Subscriber> subscribers() {
        return db.list(Sql.of("SELECT id, region_prefix FROM webhook"), rs -> new Subscriber(rs.getString(1), rs.getString(2)));
    }

    /** The subscriptions whose region lies in {@code scope}'s subtree, oldest first. */
    public Page<Webhook> page(String scope, int page, int size) {
        return new Filters().inSubtree(scope).page(db, COLUMNS, "webhook", "created_at, id", page, size,
                rs -> webhook(rs).toWebhook());
    }

    private static StoredWebhook webhook(ResultSet rs) throws SQLException {
        return new StoredWebhook(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Timestamps.instant(rs, 6));
    }
}
