package luoshi.org.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import luoshi.db.Database;

/**
 * A read by many keys (a national import names 44,700 regions), {@link Database#CHUNK} keys a statement: few round
 * trips, and every {@code IN (:keys)} list small enough for any packet.
 */
final class KeyChunks {

    private KeyChunks() {
    }

    static <K, T> List<T> read(Collection<K> keys, Function<List<K>, List<T>> read) {
        List<K> list = new ArrayList<>(keys);
        List<T> out = new ArrayList<>();
        for (int from = 0; from < list.size(); from += Database.CHUNK) {
            out.addAll(read.apply(List.copyOf(list.subList(from, Math.min(list.size(), from + Database.CHUNK)))));
        }
        return out;
    }
}
