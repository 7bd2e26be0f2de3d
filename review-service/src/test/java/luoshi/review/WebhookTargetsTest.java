package luoshi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import luoshi.platform.ProblemException;
import luoshi.review.service.WebhookTargets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the local and test profiles, internal targets are refused (API.md, Reminders and webhooks). */
class WebhookTargetsTest {

    /** Resolves the host literally, so the test needs no DNS. */
    private static WebhookTargets targets(boolean allowPrivate) {
        return new WebhookTargets(allowPrivate, host -> {
            try {
                return new InetAddress[] {InetAddress.getByName(host.replace("[", "").replace("]", ""))};
            } catch (UnknownHostException e) {
                return new InetAddress[0];
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9099/hook", "http://10.1.2.3/hook", "https://172.16.0.9/hook",
            "http://192.168.1.10/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
            "http://[fd00::1]/hook", "http://[fe80::1]/hook", "http://0.0.0.0/hook", "http://100.64.0.1/hook"})
    void internalTargetsAreRefusedNamingUrl(String url) {
        assertThatThrownBy(() -> targets(false).check(url)).isInstanceOf(ProblemException.class)
                .satisfies(e -> {
                    var problem = ((ProblemException) e).problem();
                    assertThat(problem.status()).isEqualTo(400);
                    assertThat(problem.violations().get(0).field()).isEqualTo("url");
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/luoshi"})
    void publicTargetsAreAccepted(String url) {
        assertThat(targets(false).check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9099/hook", "http://192.168.1.10/hook"})
    void internalTargetsAreAcceptedWhenConfigurationAllowsThem(String url) {
        assertThat(targets(true).check(url).toString()).isEqualTo(url);
    }
}
