package luoshi.review.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import luoshi.api.common.Page;
import luoshi.api.compliance.ComplianceStatus;
import luoshi.api.compliance.OpenItem;
import org.junit.jupiter.api.Test;

/**
 * An owner's open items read as its answer arrives (issue #29): handed on in parts of at most a thousand, page after
 * page until a page is short, whatever the order of a page's fields; a part that cannot be written ends the read with
 * its own exception, and an answer that is not a page is the owner's failure, naming it.
 */
class RemoteOpenItemsTest {

    /** As the services' own (luoshi.platform.JsonInput): trailing tokens after a value are refused. */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final LocalDate AS_OF = LocalDate.of(2026, 12, 1);

    private static OpenItem item(int n) {
        return new OpenItem("REQ", "要求", "330602" + String.format("%03d", n % 1000), "街道 " + n,
                LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31), AS_OF.plusDays(n % 90),
                ComplianceStatus.PENDING, null, null, null);
    }

    private static List<OpenItem> items(int from, int to) {
        return IntStream.range(from, to).mapToObj(RemoteOpenItemsTest::item).toList();
    }

    private static InputStream body(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static InputStream page(List<OpenItem> items, int page, int size) {
        try {
            return body(JSON.writeValueAsString(new Page<>(items, page, size, 0)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageIsHandedOnInPartsOfAThousandInTheOwnersOrder() {
        List<OpenItem> all = items(0, 2_500);
        List<Integer> asked = new ArrayList<>();
        RemoteOpenItems owner = new RemoteOpenItems("org", null, (asOf, from, to, page, size) -> {
            asked.add(page);
            return page(all, page, size);
        }, JSON, 50_000);
        List<List<OpenItem>> parts = new ArrayList<>();
        long read = owner.openItems(AS_OF, AS_OF.minusYears(1), AS_OF.plusDays(90), p -> parts.add(List.copyOf(p)));
        assertThat(read).isEqualTo(2_500);
        assertThat(parts).extracting(List::size).containsExactly(1_000, 1_000, 500);
        assertThat(parts.stream().flatMap(List::stream).toList()).isEqualTo(all);
        assertThat(asked).containsExactly(0);   // a short page is the last
    }

    @Test
    void fullPagesAreFollowedByTheNextUntilAShortOne() {
        List<OpenItem> all = items(0, 7);
        List<Integer> asked = new ArrayList<>();
        RemoteOpenItems owner = new RemoteOpenItems("funding", null, (asOf, from, to, page, size) -> {
            asked.add(page);
            return page(all.subList(Math.min(all.size(), page * size), Math.min(all.size(), (page + 1) * size)), page, size);
        }, JSON, 3);
        List<OpenItem> got = new ArrayList<>();
        assertThat(owner.openItems(AS_OF, null, null, got::addAll)).isEqualTo(7);
        assertThat(got).isEqualTo(all);
        assertThat(asked).containsExactly(0, 1, 2);
    }

    @Test
    void theFieldsOfAPageMayComeInAnyOrder() throws Exception {
        String items = JSON.writeValueAsString(items(0, 2));
        RemoteOpenItems owner = new RemoteOpenItems("org", null, (asOf, from, to, page, size) -> body(
                "{\"total\":2,\"extra\":{\"nested\":[1,2,{\"items\":[]}]},\"items\":" + items + ",\"page\":0,\"size\":500}"),
                JSON, 500);
        List<OpenItem> got = new ArrayList<>();
        assertThat(owner.openItems(AS_OF, null, null, got::addAll)).isEqualTo(2);
        assertThat(got).isEqualTo(items(0, 2));
    }

    @Test
    void aPartThatCannotBeWrittenEndsTheReadWithItsOwnExceptionAndClosesTheAnswer() {
        AtomicBoolean closed = new AtomicBoolean();
        RemoteOpenItems owner = new RemoteOpenItems("org", null, (asOf, from, to, page, size) -> {
            InputStream body = page(items(0, 2_500), page, size);
            return new java.io.FilterInputStream(body) {
                @Override
                public void close() throws java.io.IOException {
                    closed.set(true);
                    super.close();
                }
            };
        }, JSON, 50_000);
        List<Integer> parts = new ArrayList<>();
        IllegalArgumentException failure = new IllegalArgumentException("the database is gone");
        assertThatThrownBy(() -> owner.openItems(AS_OF, null, null, p -> {
            parts.add(p.size());
            if (parts.size() == 2) {
                throw failure;
            }
        })).isSameAs(failure);
        assertThat(parts).containsExactly(1_000, 1_000);
        assertThat(closed).isTrue();
    }

    @Test
    void anAnswerThatIsNotAPageIsTheOwnersFailureNamingIt() {
        for (String bad : List.of("[]", "{\"items\":{}}", "{\"items\":[{\"requirementId\":\"R\"}, 5]}", "{\"items\":[")) {
            RemoteOpenItems owner = new RemoteOpenItems("funding", null, (asOf, from, to, page, size) -> body(bad), JSON, 500);
            assertThatThrownBy(() -> owner.openItems(AS_OF, null, null, p -> { }))
                    .as(bad).isInstanceOf(IllegalStateException.class).hasMessageContaining("funding");
        }
    }
}
