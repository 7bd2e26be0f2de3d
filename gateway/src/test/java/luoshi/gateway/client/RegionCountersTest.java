package luoshi.gateway.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import luoshi.api.compliance.AnswerVersionFeed.Mark;
import org.junit.jupiter.api.Test;

/** The compact counters of the gateway's version books: what was put is read, through growth and beside a writer. */
class RegionCountersTest {

    @Test
    void everyRegionPutIsReadAsPutAndNoOtherIs() {
        RegionCounters counters = new RegionCounters();
        Map<String, Mark> expected = new HashMap<>();
        Random random = new Random(29);
        for (int i = 0; i < 50_000; i++) {
            String code = i % 10 == 0 ? String.format("%06d", random.nextInt(1_000_000))
                    : String.format("%09d", 100_000_000 + random.nextInt(800_000_000));
            Mark mark = new Mark(code, random.nextInt(1000), random.nextInt(10));
            counters.put(mark);
            expected.put(code, mark);
        }
        expected.forEach((code, mark) -> assertThat(counters.get(code)).as(code).isEqualTo(mark));
        assertThat(counters.size()).isEqualTo(expected.size());
        // 000000 and a township of the same digits are two regions; a code of no region has nothing
        counters.put(new Mark("000000", 7, 1));
        assertThat(counters.get("000000")).isEqualTo(new Mark("000000", 7, 1));
        assertThat(counters.get("000000000")).isNull();
        assertThat(counters.get("33060x")).isNull();
        assertThat(counters.get("")).isNull();
        counters.clear();
        assertThat(counters.get("000000")).isNull();
    }

    @Test
    void aReaderBesideTheWriterSeesEveryRegionWhole() throws Exception {
        RegionCounters counters = new RegionCounters();
        counters.put(new Mark("330602", 1, 1));
        AtomicReference<String> wrong = new AtomicReference<>();
        Thread reader = new Thread(() -> {
            for (int i = 0; i < 2_000_000 && wrong.get() == null; i++) {
                Mark m = counters.get("330602");
                if (m == null || m.subtree() != m.below()) {
                    wrong.set(String.valueOf(m));
                }
            }
        });
        reader.start();
        for (int i = 2; i < 200_000; i++) {
            counters.put(new Mark("330602", i, i));            // the same region moves, both counters at once
            counters.put(new Mark(String.valueOf(100_000_000 + i), i, 0));   // and the table grows
        }
        reader.join();
        assertThat(wrong.get()).isNull();
    }
}
