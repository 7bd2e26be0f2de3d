package luoshi.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

    @Test
    void oneHostWithOrWithoutSlashOrDatabase() {
        assertThat(JdbcUrls.withSchema("jdbc:mariadb://127.0.0.1:3306/", "luoshi_org")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/luoshi_org");
        assertThat(JdbcUrls.withSchema("jdbc:mariadb://127.0.0.1:3306", "luoshi_org")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/luoshi_org");
        assertThat(JdbcUrls.withSchema("jdbc:mariadb://127.0.0.1:3306/mysql", "luoshi_org")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/luoshi_org");
        assertThat(JdbcUrls.server("jdbc:mariadb://127.0.0.1:3306/mysql")).isEqualTo("jdbc:mariadb://127.0.0.1:3306/");
    }

    @Test
    void galeraNodesKeepTheirOrderAndTheOptionsStayAfterTheSchema() {
        String cluster = "jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/";
        assertThat(JdbcUrls.withSchema(cluster, "luoshi_review"))
                .isEqualTo("jdbc:mariadb:sequential://127.0.0.1:3311,127.0.0.1:3312,127.0.0.1:3313/luoshi_review");
        assertThat(JdbcUrls.withSchema("jdbc:mariadb:loadbalance://a:1,b:2/x?sessionVariables=wsrep_sync_wait=1", "s"))
                .isEqualTo("jdbc:mariadb:loadbalance://a:1,b:2/s?sessionVariables=wsrep_sync_wait=1");
        assertThat(JdbcUrls.withSchema("jdbc:mariadb:sequential://a:1,b:2?connectTimeout=2000", "s"))
                .isEqualTo("jdbc:mariadb:sequential://a:1,b:2/s?connectTimeout=2000");
        assertThat(JdbcUrls.server("jdbc:mariadb:sequential://a:1,b:2/x?connectTimeout=2000"))
                .isEqualTo("jdbc:mariadb:sequential://a:1,b:2/?connectTimeout=2000");
    }

    @Test
    void notAUrlWithHostsIsRefused() {
        assertThatThrownBy(() -> JdbcUrls.withSchema("127.0.0.1:3306", "s")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aClustersNodesOneByOne() {
        String cluster = "jdbc:mariadb:sequential://127.0.0.1:3311, 127.0.0.1:3312,127.0.0.1:3313/x?connectTimeout=2000";
        assertThat(JdbcUrls.hosts(cluster)).containsExactly("127.0.0.1:3311", "127.0.0.1:3312", "127.0.0.1:3313");
        assertThat(JdbcUrls.node(cluster, 1, "luoshi_review")).isEqualTo("jdbc:mariadb://127.0.0.1:3312/luoshi_review?connectTimeout=2000");
        assertThat(JdbcUrls.hosts("jdbc:mariadb://127.0.0.1:3306/")).containsExactly("127.0.0.1:3306");
    }
}
