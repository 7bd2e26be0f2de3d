package luoshi.gateway.compliance;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import luoshi.api.compliance.ComplianceSource;
import luoshi.api.compliance.FollowUpFilter;
import luoshi.api.compliance.FollowUpItem;
import luoshi.api.compliance.FollowUpPage;
import luoshi.api.compliance.ItemRectification;
import luoshi.api.compliance.ServiceFollowUp;
import luoshi.api.common.Page;
import luoshi.gateway.client.Answers;
import luoshi.gateway.client.GuardedService;
import luoshi.gateway.client.Route;
import luoshi.gateway.client.Services;
import luoshi.gateway.config.GatewayConfig;

/**
 * The follow-up list (督办清单, API.md "Follow-up list and readable answers"): each service evaluates its rows over the
 * subtree in SQL, in the list's order ({@link FollowUpItem#ORDER}), a slice at a time after the last row it gave; the
 * gateway merges the three slices in that order, so that a page or the whole list (an export) is read with at most a
 * slice per service in memory, and adds each row's open rectification (asked of the services for the regions of the
 * rows it has read: review-service keeps them).
 */
@ApplicationScoped
public class FollowUpLists {

    /**
     * The rows an export writes at a time (their rectifications asked for at once, the next batch's while one is
     * written: two batches in memory), so that the country's XLSX report asks each service 717 times, not 1,433.
     */
    static final int BATCH = 1000;

    private final Services services;
    /** The rows a service gives at a time to an export. */
    private final int slice;

    FollowUpLists(Services services, GatewayConfig config) {
        this.services = services;
        this.slice = Math.min(Math.max(1, config.followUpSlice()), ComplianceSource.MAX_FOLLOW_UP_ROWS);
    }

    /** A question about the list: the region, year and date, and the filters. */
    public record Question(RegionYear at, FollowUpFilter filter) {
    }

    /** Page {@code page} of {@code size} rows, with the total of every service that answered. */
    public FollowUpPage page(Question q, int page, int size) {
        return tagged(q, page, size).value();
    }

    /** As {@link #page}, with the versions the page was computed from (its ETag). */
    public Tagged<FollowUpPage> tagged(Question q, int page, int size) {
        long offset = Page.offset(page, size);
        // a service can give at most offset + size of the first offset + size rows of the merged list
        Rows rows = open(q, (int) Math.min(offset + size, ComplianceSource.MAX_FOLLOW_UP_ROWS), true);
        for (long skipped = 0; skipped < offset && rows.hasNext(); skipped++) {
            rows.next();
        }
        List<FollowUpItem> items = new ArrayList<>();
        while (items.size() < size && rows.hasNext()) {
            items.add(rows.next());
        }
        List<FollowUpItem> withRectifications = withRectifications(items, rectifications(q, items), rows);
        return new Tagged<>(new FollowUpPage(withRectifications, page, size, rows.total(), rows.incomplete(),
                rows.warnings()), rows.versions());
    }

    /** The whole list, in batches: {@link Rows#nextBatch} until it answers an empty one. */
    public Rows all(Question q) {
        return open(q, slice, false);
    }

    /**
     * The next batch of the list's rows with their rectifications; empty at the end. The batch after it is read, and its
     * rectifications asked for, before this one's are awaited: the services answer while the caller writes this one
     * (asked a batch at a time, the writing waited for each answer, a third of the country's XLSX report).
     */
    public List<FollowUpItem> nextBatch(Question q, Rows rows) {
        Batch batch = rows.ahead != null ? rows.ahead : batch(q, rows);
        rows.ahead = batch.items().isEmpty() ? null : batch(q, rows);
        return withRectifications(batch.items(), batch.rectifications(), rows);
    }

    /** The next {@link #BATCH} rows of the list, their rectifications asked for. */
    private Batch batch(Question q, Rows rows) {
        List<FollowUpItem> items = new ArrayList<>();
        while (items.size() < BATCH && rows.hasNext()) {
            items.add(rows.next());
        }
        return new Batch(items, rectifications(q, items));
    }

    /** Rows of the list, and the services' answers (to come) about their open rectifications. */
    private record Batch(List<FollowUpItem> items, CompletableFuture<Answers<List<ItemRectification>>> rectifications) {
    }

    private Rows open(Question q, int slice, boolean count) {
        FollowUpFilter f = q.filter();
        // a page is an interactive read; the whole list (count false) is an export, with the imports' timeout
        boolean export = !count;
        Answers<ServiceFollowUp> first = Route.await(services.readAllCaughtUp(s -> s.followUp(q.at().regionCode(),
                q.at().year(), q.at().asOf(), f.statusParameter(), f.levelParameter(), f.requirementId(), null, null,
                null, slice, count), export)).rejectIfRefused();
        return new Rows(q, slice, first, export);
    }

    /** The services asked, now, for the open rectifications of {@code items}' regions; null when there are none. */
    private CompletableFuture<Answers<List<ItemRectification>>> rectifications(Question q, List<FollowUpItem> items) {
        if (items.isEmpty()) {
            return null;
        }
        String from = items.stream().map(FollowUpItem::regionCode).min(String::compareTo).orElseThrow();
        String to = items.stream().map(FollowUpItem::regionCode).max(String::compareTo).orElseThrow();
        return services.readAllAsync(ComplianceSource.class, s -> s.openRectifications(q.at().regionCode(), from, to));
    }

    /** {@code items} with the open rectification of each, where a service keeps one ({@code asked}: what they said). */
    private static List<FollowUpItem> withRectifications(List<FollowUpItem> items,
            CompletableFuture<Answers<List<ItemRectification>>> asked, Rows rows) {
        if (items.isEmpty()) {
            return items;
        }
        Answers<List<ItemRectification>> answers = Route.await(asked);
        Map<Item, ItemRectification> open = new HashMap<>();
        answers.values().forEach(list -> list.forEach(r -> open.put(new Item(r.regionCode(), r.requirementId(),
                r.periodStart()), r)));
        rows.notAnswered(answers);
        // a row is copied only when its rectification changes (most rows have none: the country's report copied 716,135)
        return items.stream().map(i -> {
            ItemRectification r = open.isEmpty() ? null : open.get(new Item(i.regionCode(), i.requirementId(),
                    i.periodStart()));
            return Objects.equals(r, i.rectification()) ? i : i.withRectification(r);
        }).toList();
    }

    /** What identifies an item and its rectification. */
    private record Item(String region, String requirement, LocalDate periodStart) {
    }

    /**
     * The merged rows of the services that answered the first slice, in the list's order: each service's next slice is
     * asked for after its last row. A page asks for it when the service's rows run out (it may never need it); an
     * export as soon as the slice before it arrives, so that the service evaluates its next slice while the gateway
     * writes the rows it has (without that, the services and the gateway took turns: the country's XLSX report waited
     * for each slice), and holds at most two slices per service. A service that fails after its first slice fails the
     * list (its rows would be missing from the middle of it), when the merge reaches the slice it did not answer.
     */
    public final class Rows {

        private final Question q;
        private final int slice;
        private final boolean export;
        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> FollowUpItem.ORDER.compare(a.row, b.row));
        private final List<String> incomplete = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();
        /** An export's next batch, read and its rectifications asked for ({@link #nextBatch}). */
        private Batch ahead;
        /** The versions of the services' first slices. */
        private final String versions;
        private long total;

        private Rows(Question q, int slice, Answers<ServiceFollowUp> first, boolean export) {
            this.q = q;
            this.slice = slice;
            this.export = export;
            incomplete.addAll(first.incomplete());
            warnings.addAll(first.warnings());
            versions = first.versions();
            for (Map.Entry<GuardedService, ServiceFollowUp> e : first.byService().entrySet()) {
                ServiceFollowUp part = e.getValue();
                total += part.total() == null ? 0 : part.total();
                if (part.warnings() != null) {
                    warnings.addAll(part.warnings());
                }
                take(new Source(e.getKey()), part.items());
            }
        }

        public boolean hasNext() {
            return !heads.isEmpty();
        }

        public FollowUpItem next() {
            Head head = heads.poll();
            Source source = Objects.requireNonNull(head).source;
            if (source.pending.isEmpty()) {
                if (source.more) {
                    take(source, Route.await(source.ahead != null ? source.ahead : source.after(head.row)).items());
                }
            } else {
                heads.add(new Head(source.pending.poll(), source));
            }
            return head.row;
        }

        private void take(Source source, List<FollowUpItem> rows) {
            source.more = rows.size() >= slice;
            source.pending = new ArrayDeque<>(rows);
            source.ahead = export && source.more ? source.after(rows.get(rows.size() - 1)) : null;
            if (!source.pending.isEmpty()) {
                heads.add(new Head(source.pending.poll(), source));
            }
        }

        /** The services whose rows are missing. */
        public List<String> incomplete() {
            return List.copyOf(incomplete);
        }

        public List<String> warnings() {
            return List.copyOf(warnings);
        }

        /**
         * The versions the list is computed from (its ETag): the services' when they answered their first slices, null
         * when a service's rows or rectifications are missing or a service warned. The later slices are at least as
         * new (a write between two slices is in the list's next tag).
         */
        public String versions() {
            return incomplete.isEmpty() && warnings.isEmpty() ? versions : null;
        }

        long total() {
            return total;
        }

        /** A service that did not say which rectifications are open is named: the rows may lack theirs. */
        void notAnswered(Answers<?> answers) {
            for (String name : answers.incomplete()) {
                if (!incomplete.contains(name)) {
                    incomplete.add(name);
                    warnings.add(name + " did not say which rectifications are open.");
                }
            }
        }

        private final class Source {
            final GuardedService service;
            ArrayDeque<FollowUpItem> pending = new ArrayDeque<>();
            boolean more;
            /** An export's next slice, asked for when the one before it arrived. */
            CompletionStage<ServiceFollowUp> ahead;

            Source(GuardedService service) {
                this.service = service;
            }

            /** The service's next slice, after {@code last}, asked for now. */
            CompletionStage<ServiceFollowUp> after(FollowUpItem last) {
                FollowUpFilter f = q.filter();
                Function<ComplianceSource, CompletionStage<ServiceFollowUp>> next = s -> s.followUp(q.at().regionCode(),
                        q.at().year(), q.at().asOf(), f.statusParameter(), f.levelParameter(), f.requirementId(),
                        last.regionCode(), last.requirementId(), last.periodStart(), slice, false);
                return export ? service.exportAsync(ComplianceSource.class, next)
                        : service.readAsync(ComplianceSource.class, next);
            }
        }

        private record Head(FollowUpItem row, Rows.Source source) {
        }
    }
}
