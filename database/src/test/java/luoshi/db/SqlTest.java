package luoshi.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Sql} without a database: the text JDBC receives and the values in the order of its placeholders. */
class SqlTest {

    enum Level { COUNTY, TOWNSHIP }

    /** What a statement renders to: the JDBC text and its values. */
    private record Rendered(String text, List<Object> values) {
    }

    private static Rendered render(Sql sql) {
        List<Object> values = new ArrayList<>();
        String text = sql.render(values);
        return new Rendered(text, values);
    }

    @Test
    void namesBecomePlaceholdersAndValuesFollowTheirOrder() {
        Rendered r = render(Sql.of("SELECT id FROM funding_record WHERE region_code = :code AND fiscal_year = :year")
                .bind("year", 2024).bind("code", "330602"));

        assertThat(r.text()).isEqualTo("SELECT id FROM funding_record WHERE region_code = ? AND fiscal_year = ?");
        assertThat(r.values()).containsExactly("330602", 2024);
    }

    @Test
    void parametersInsideStringLiteralsAndQuotedNamesAreText() {
        Sql sql = Sql.of("SELECT ':lit', 'it''s :doubled', 'it\\'s :escaped', \"dq :x\", `col:name` FROM t WHERE a = :a");

        assertThat(sql.names()).containsExactly("a");
        Rendered r = render(sql.bind("a", 1));
        assertThat(r.text()).isEqualTo(
                "SELECT ':lit', 'it''s :doubled', 'it\\'s :escaped', \"dq :x\", `col:name` FROM t WHERE a = ?");
        assertThat(r.values()).containsExactly(1);
    }

    @Test
    void parametersInsideCommentsAreText() {
        Sql sql = Sql.of("SELECT a -- not :one, don't\n, b # nor :two, isn't\n/* nor :three, 'x */ FROM t WHERE c = :c");

        assertThat(sql.names()).containsExactly("c");
        assertThat(render(sql.bind("c", "v")).text())
                .isEqualTo("SELECT a -- not :one, don't\n, b # nor :two, isn't\n/* nor :three, 'x */ FROM t WHERE c = ?");
    }

    @Test
    void twoDashesWithoutWhiteSpaceAreNotAComment() {
        // MariaDB: "--" starts a comment only when white space follows; a--:n is a minus a negated value
        Sql sql = Sql.of("SELECT a--:n FROM t");

        assertThat(sql.names()).containsExactly("n");
        assertThat(render(sql.bind("n", 1)).text()).isEqualTo("SELECT a--? FROM t");
    }

    @Test
    void doubleColonsAndAssignmentsAreLeftAlone() {
        Sql sql = Sql.of("SELECT @rank := @rank + 1, a::b, c :=:d FROM t");

        assertThat(sql.names()).containsExactly("d");
        Rendered r = render(sql.bind("d", 5));
        assertThat(r.text()).isEqualTo("SELECT @rank := @rank + 1, a::b, c :=? FROM t");
        assertThat(r.values()).containsExactly(5);
    }

    @Test
    void aNameUsedTwiceBindsTwice() {
        Sql sql = Sql.of("SELECT id FROM region WHERE code = :code OR parent_code = :code");

        assertThat(sql.names()).containsExactly("code", "code");
        Rendered r = render(sql.bind("code", "330602"));
        assertThat(r.text()).isEqualTo("SELECT id FROM region WHERE code = ? OR parent_code = ?");
        assertThat(r.values()).containsExactly("330602", "330602");
    }

    @Test
    void aCollectionExpandsToOnePlaceholderPerItem() {
        Rendered r = render(Sql.of("SELECT code FROM region WHERE code IN (:codes) AND level = :level")
                .bind("codes", List.of("330602", "330603", "330604")).bind("level", Level.TOWNSHIP));

        assertThat(r.text()).isEqualTo("SELECT code FROM region WHERE code IN (?,?,?) AND level = ?");
        assertThat(r.values()).containsExactly("330602", "330603", "330604", "TOWNSHIP");
    }

    @Test
    void anEmptyCollectionIsOneNullThatMatchesNothing() {
        Rendered r = render(Sql.of("SELECT code FROM region WHERE code IN (:codes) AND version > :v")
                .bind("codes", Set.of()).bind("v", 3L));

        assertThat(r.text()).isEqualTo("SELECT code FROM region WHERE code IN (NULL) AND version > ?");
        assertThat(r.values()).containsExactly(3L);
    }

    @Test
    void enumsBindByNameAlsoInsideACollection() {
        Rendered r = render(Sql.of("WHERE level = :one OR level IN (:many)")
                .bind("one", Level.COUNTY).bind("many", List.of(Level.TOWNSHIP, Level.COUNTY)));

        assertThat(r.values()).containsExactly("COUNTY", "TOWNSHIP", "COUNTY");
    }

    @Test
    void nullBindsAsNullAlsoInsideACollection() {
        Rendered r = render(Sql.of("INSERT INTO population (region_code, female, youth) VALUES (:code, :female, :youth)")
                .bind("code", "330602").bind("female", null).bind("youth", 12L));
        Rendered row = render(Sql.of("(:v)").bind("v", Arrays.asList("330602", null, 5L)));

        assertThat(r.text()).isEqualTo("INSERT INTO population (region_code, female, youth) VALUES (?, ?, ?)");
        assertThat(r.values()).containsExactly("330602", null, 12L);
        assertThat(row.text()).isEqualTo("(?,?,?)");
        assertThat(row.values()).containsExactly("330602", null, 5L);
    }

    @Test
    void datesAndMoneyBindAsTheyAre() {
        Rendered r = render(Sql.of("WHERE held_on >= :from AND amount >= :min")
                .bind("from", LocalDate.of(2024, 1, 1)).bind("min", new BigDecimal("19999.99")));

        assertThat(r.values()).containsExactly(LocalDate.of(2024, 1, 1), new BigDecimal("19999.99"));
    }

    @Test
    void aNestedPieceKeepsItsOwnValuesInTheirPlace() {
        // both use the name :year: a piece's names never clash with the statement's
        Sql facts = Sql.of("SELECT region_code FROM funding_record WHERE fiscal_year = :year AND category = :category")
                .bind("year", 2023).bind("category", "YOUTH_LEAGUE");
        Sql statement = Sql.of("SELECT code FROM region WHERE version > :year AND code IN (:facts) AND level = :level")
                .bind("year", 7L).bind("facts", facts).bind("level", Level.TOWNSHIP);

        Rendered r = render(statement);
        assertThat(r.text()).isEqualTo("SELECT code FROM region WHERE version > ? AND code IN ("
                + "SELECT region_code FROM funding_record WHERE fiscal_year = ? AND category = ?) AND level = ?");
        assertThat(r.values()).containsExactly(7L, 2023, "YOUTH_LEAGUE", "TOWNSHIP");
    }

    @Test
    void aPieceUsedTwiceBindsItsValuesTwice() {
        Sql pattern = Sql.of(":p").bind("p", "3306%");
        Rendered r = render(Sql.of("a LIKE :x OR b LIKE :x").bind("x", pattern));

        assertThat(r.text()).isEqualTo("a LIKE ? OR b LIKE ?");
        assertThat(r.values()).containsExactly("3306%", "3306%");
    }

    @Test
    void joinPutsPiecesOneAfterAnotherWithTheirValues() {
        Sql first = Sql.of("SELECT :a AS v").bind("a", 1);
        Sql second = Sql.of("SELECT :a AS v").bind("a", 2);
        Sql third = Sql.of("SELECT :b AS v").bind("b", List.of(3, 4));

        Rendered r = render(Sql.join(" UNION ALL ", List.of(first, second, third)));

        assertThat(r.text()).isEqualTo("SELECT ? AS v UNION ALL SELECT ? AS v UNION ALL SELECT ?,? AS v");
        assertThat(r.values()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void joinOfOneOrNoPieces() {
        assertThat(render(Sql.join(",", List.of(Sql.of("(:v)").bind("v", 9)))).text()).isEqualTo("(?)");
        Rendered none = render(Sql.join(",", List.of()));
        assertThat(none.text()).isEmpty();
        assertThat(none.values()).isEmpty();
    }

    @Test
    void aSeparatorIsTextWithoutParameters() {
        assertThatThrownBy(() -> Sql.join(" OR x = :x OR ", List.of(Sql.of("a"), Sql.of("b"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("separator");
        assertThatThrownBy(() -> Sql.join(" OR x = ? OR ", List.of(Sql.of("a"), Sql.of("b"))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(render(Sql.join(" OR ':x' = y OR ", List.of(Sql.of("a"), Sql.of("b")))).text())
                .isEqualTo("a OR ':x' = y OR b");
    }

    @Test
    void aJoinedStatementNestsInAnother() {
        Sql union = Sql.join(" UNION ALL ", List.of(Sql.of("SELECT :c").bind("c", "330602"),
                Sql.of("SELECT :c").bind("c", "330603")));
        Rendered r = render(Sql.of("SELECT COUNT(*) FROM (:rows) x WHERE 1 = :one").bind("rows", union).bind("one", 1));

        assertThat(r.text()).isEqualTo("SELECT COUNT(*) FROM (SELECT ? UNION ALL SELECT ?) x WHERE 1 = ?");
        assertThat(r.values()).containsExactly("330602", "330603", 1);
    }

    @Test
    void anUnboundParameterFailsNamingIt() {
        Sql sql = Sql.of("SELECT id FROM t WHERE a = :a AND b = :b").bind("a", 1);

        assertThatThrownBy(() -> render(sql)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":b is not bound");
    }

    @Test
    void anUnboundParameterOfANestedPieceFailsNamingIt() {
        Sql sql = Sql.of("SELECT * FROM (:inner) x").bind("inner", Sql.of("SELECT :missing"));

        assertThatThrownBy(() -> render(sql)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(":missing is not bound");
    }

    @Test
    void bindingAnUnknownNameFailsNamingIt() {
        Sql sql = Sql.of("SELECT id FROM t WHERE a = :a AND note = ':literal'");

        assertThatThrownBy(() -> sql.bind("nope", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter :nope");
        assertThatThrownBy(() -> sql.bind("literal", 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no parameter :literal");
    }

    @Test
    void aBarePlaceholderIsRefusedButAQuestionMarkInALiteralIsText() {
        assertThatThrownBy(() -> Sql.of("SELECT id FROM t WHERE a = ?")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bind a :name");
        assertThat(render(Sql.of("SELECT 'why?' /* or? */ FROM t")).text()).isEqualTo("SELECT 'why?' /* or? */ FROM t");
    }

    @Test
    void anUnclosedQuoteFailsClearly() {
        assertThatThrownBy(() -> Sql.of("SELECT 'open FROM t")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unclosed '");
    }

    @Test
    void bindAnswersANewPieceAndLeavesTheOriginalUnbound() {
        Sql unbound = Sql.of("SELECT :a");
        Sql bound = unbound.bind("a", 1);

        assertThat(render(bound).values()).containsExactly(1);
        assertThatThrownBy(() -> render(unbound)).isInstanceOf(IllegalStateException.class);
        assertThat(bound).isEqualTo(Sql.of("SELECT :a").bind("a", 1)).isNotEqualTo(unbound);
    }

    @Test
    void toStringShowsNamesAndNestedTextButNoValue() {
        Sql sql = Sql.of("SELECT * FROM (:inner) x WHERE secret = :secret")
                .bind("inner", Sql.of("SELECT :code").bind("code", "330602")).bind("secret", "s3cr3t");

        assertThat(sql.toString()).isEqualTo("SELECT * FROM (SELECT :code) x WHERE secret = :secret");
    }
}
