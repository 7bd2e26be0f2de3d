package luoshi.gateway.client;

import java.util.concurrent.locks.StampedLock;
import luoshi.api.compliance.AnswerVersionFeed.Mark;

/**
 * Every region's answer counters of one service ({@link AnswerVersionBook}), compactly: after the country's imports a
 * service has a row for nearly every region (45,000), and a map of strings to records took about 128 bytes a region
 * (17 MB for the three services in a 96 MB heap); here a region is three longs in one array (its code as a number, its
 * {@code subtree} and {@code below}), open addressing, 24 bytes a slot at most half full. One writer (the feed's
 * pages) under a write lock; readers read optimistically and read again under the read lock only when a write came in
 * between.
 */
final class RegionCounters {

    private static final int STRIDE = 3;

    private final StampedLock lock = new StampedLock();
    private long[] slots = new long[1024 * STRIDE];
    private int size;

    /** A code's key: its digits as a number with its length above them (so 000000 is not 0, the empty slot). */
    static long key(String code) {
        int length = code.length();
        if (length == 0 || length > 12) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return ((long) length << 40) | value;
    }

    /** Sets a region's counters (the feed's marks are the counters now, not increments). */
    void put(Mark mark) {
        long key = key(mark.regionCode());
        if (key < 0) {
            return;   // not a region's code: no answer is about it
        }
        long stamp = lock.writeLock();
        try {
            if ((size + 1) * 2 * STRIDE > slots.length) {
                grow();
            }
            int at = find(slots, key);
            if (slots[at] == 0) {
                size++;
                slots[at] = key;
            }
            slots[at + 1] = mark.subtree();
            slots[at + 2] = mark.below();
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    void clear() {
        long stamp = lock.writeLock();
        try {
            slots = new long[1024 * STRIDE];
            size = 0;
        } finally {
            lock.unlockWrite(stamp);
        }
    }

    /** The counters of {@code code}: a mark, or null when no write ever reached it. */
    Mark get(String code) {
        long key = key(code);
        if (key < 0) {
            return null;
        }
        long stamp = lock.tryOptimisticRead();
        Mark mark = read(key, code);
        if (!lock.validate(stamp)) {
            stamp = lock.readLock();
            try {
                mark = read(key, code);
            } finally {
                lock.unlockRead(stamp);
            }
        }
        return mark;
    }

    int size() {
        return size;
    }

    private Mark read(long key, String code) {
        long[] table = slots;
        int at = find(table, key);
        if (at < 0 || at + 2 >= table.length || table[at] != key) {
            return null;
        }
        return new Mark(code, table[at + 1], table[at + 2]);
    }

    /** The slot of {@code key} in {@code table}, or the empty slot where it would go (linear probing). */
    private static int find(long[] table, long key) {
        int slotsCount = table.length / STRIDE;
        int i = (int) (mix(key) & (slotsCount - 1));
        for (int probes = 0; probes < slotsCount; probes++) {
            int at = i * STRIDE;
            long k = table[at];
            if (k == key || k == 0) {
                return at;
            }
            i = (i + 1) & (slotsCount - 1);
        }
        return -1;   // a reader racing a write saw a full table: it reads again under the lock
    }

    private void grow() {
        long[] old = slots;
        long[] table = new long[old.length * 2];
        for (int at = 0; at < old.length; at += STRIDE) {
            if (old[at] != 0) {
                int to = find(table, old[at]);
                table[to] = old[at];
                table[to + 1] = old[at + 1];
                table[to + 2] = old[at + 2];
            }
        }
        slots = table;
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 32);
    }
}
