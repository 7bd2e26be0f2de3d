package luoshi.org.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The region a batch's audit event belongs to, and the one access check that vouches for a whole batch. */
class VersionedWriteTest {

    @Test
    void theCommonAncestorIsTheNearestRegionContainingEveryCode() {
        assertThat(VersionedWrite.commonAncestor(List.of("330602001"))).isEqualTo("330602001");
        assertThat(VersionedWrite.commonAncestor(List.of("330602001", "330602002", "330602001901"))).isEqualTo("330602");
        assertThat(VersionedWrite.commonAncestor(List.of("330602001", "330683"))).isEqualTo("330600");
        assertThat(VersionedWrite.commonAncestor(List.of("330602", "330600"))).isEqualTo("330600");
        // 东莞: townships directly under the city; 湖北: county-level units in their group
        assertThat(VersionedWrite.commonAncestor(List.of("441900003", "441900004"))).isEqualTo("441900");
        assertThat(VersionedWrite.commonAncestor(List.of("429004", "421000"))).isEqualTo("420000");
        assertThat(VersionedWrite.commonAncestor(List.of("110101", "330602"))).isEqualTo("000000");
        assertThat(VersionedWrite.commonAncestor(List.of("000000", "330602"))).isEqualTo("000000");
    }

    @Test
    void noCommonAncestorForNoCodesOrAMalformedOne() {
        assertThat(VersionedWrite.commonAncestor(List.of())).isNull();
        assertThat(VersionedWrite.commonAncestor(List.of("330602", "33x"))).isNull();
    }
}
