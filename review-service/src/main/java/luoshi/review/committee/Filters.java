package luoshi.review.committee;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import luoshi.api.common.Page;
import luoshi.api.region.RegionCode;

/** The optional filters of a list endpoint, turned into one HQL condition, a count and a page. */
public final class Filters {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds {@code condition} (naming {@code :name}) when {@code value} is given. */
    public Filters with(String condition, String name, Object value) {
        if (value != null) {
            conditions.add(condition);
            parameters.put(name, value);
        }
        return this;
    }

    /** Keeps the rows whose {@code regionCode} lies in {@code scope}'s subtree (all of them for the country). */
    public Filters inSubtree(String scope) {
        return with("regionCode like :subtree", "subtree", RegionCode.isCountry(scope) ? null : RegionCode.subtreePattern(scope));
    }

    public <E, T> Page<T> page(Class<E> entity, String orderBy, int page, int size, Function<E, T> toDto) {
        EntityManager em = Panache.getEntityManager();
        String where = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        var rows = em.createQuery("from " + entity.getSimpleName() + where + " order by " + orderBy, entity);
        var count = em.createQuery("select count(*) from " + entity.getSimpleName() + where, Long.class);
        parameters.forEach((k, v) -> {
            rows.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<T> items = rows.setFirstResult((int) Page.offset(page, size)).setMaxResults(size).getResultList()
                .stream().map(toDto).toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }
}
