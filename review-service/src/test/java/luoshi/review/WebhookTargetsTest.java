package luoshi.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import luoshi.platform.ProblemException;
import luoshi.review.service.WebhookTargets;
import luoshi.review.service.WebhookTargets.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside the local and test profiles, internal targets are refused (API.md, Webhook targets). */
class WebhookTargetsTest {

    /** Resolves an address literal as itself, so the test needs no DNS. */
    private static WebhookTargets targets(boolean allowPrivate) {
        return new WebhookTargets(allowPrivate, host -> new InetAddress[] {InetAddress.getByName(host)});
    }

    /** The 400 problem that {@code url} gets, naming {@code url}; its message. */
    private static String refusal(WebhookTargets targets, String url) {
        ProblemException refused = catchProblem(() -> targets.check(url));
        assertThat(refused.problem().status()).isEqualTo(400);
        assertThat(refused.problem().violations()).singleElement()
                .satisfies(v -> assertThat(v.field()).isEqualTo("url"));
        return refused.problem().violations().get(0).message();
    }

    private static ProblemException catchProblem(Runnable call) {
        try {
            call.run();
        } catch (ProblemException e) {
            return e;
        }
        throw new AssertionError("not refused");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:9099/hook", "http://127.8.9.10/hook", "http://2130706433/hook",          // loopback
            "http://10.1.2.3/hook", "https://172.16.0.9/hook", "https://172.31.255.254/hook",          // private
            "http://192.168.1.10/hook",
            "http://169.254.169.254/latest/meta-data",                                                  // link-local
            "http://100.64.0.1/hook", "http://100.127.255.254/hook",                                    // CGNAT
            "http://198.18.0.1/hook", "http://198.19.255.254/hook",                                     // benchmarking
            "http://240.0.0.1/hook", "http://192.0.0.8/hook",                                           // reserved
            "http://0.0.0.0/hook", "http://0.1.2.3/hook",                                               // this network
            "http://255.255.255.255/hook",                                                              // broadcast
            "http://224.0.0.1/hook", "http://239.255.255.250/hook",                                     // multicast
            "http://[::1]/hook", "http://[::]/hook",                                                    // IPv6 loopback, unspecified
            "http://[fd00::1]/hook", "http://[fc00::1]/hook", "http://[fe80::1]/hook", "http://[ff02::1]/hook",
            "http://[::ffff:127.0.0.1]/hook", "http://[::ffff:a9fe:a9fe]/hook",                         // IPv4-mapped
            "http://[::127.0.0.1]/hook", "http://[::10.0.0.1]/hook",                                    // IPv4-compatible
            "http://[64:ff9b::a9fe:a9fe]/hook", "http://[64:ff9b::7f00:1]/hook",                        // NAT64
            "http://[2002:7f00:1::1]/hook", "http://[2002:a9fe:a9fe::]/hook", "http://[2002:c0a8:101::1]/hook", // 6to4
            "http://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hook"})                                      // Teredo
    void internalTargetsAreRefusedNamingUrl(String url) {
        assertThat(refusal(targets(false), url)).contains("an address a webhook may not reach");
    }

    @Test
    void theRefusalSaysWhichAddressAndWhichRange() {
        assertThat(refusal(targets(false), "http://[64:ff9b::a9fe:a9fe]/hook"))
                .contains("link-local (169.254.0.0/16), as 169.254.169.254 in NAT64 (64:ff9b::/96)");
        assertThat(refusal(targets(false), "http://[2002:7f00:1::1]/hook"))
                .contains("loopback (127.0.0.0/8), as 127.0.0.1 in 6to4 (2002::/16)");
        assertThat(refusal(targets(false), "http://[::127.0.0.1]/hook"))
                .contains("loopback (127.0.0.0/8), as 127.0.0.1 in IPv4-compatible (::/96)");
        assertThat(refusal(targets(false), "http://198.18.0.1/hook")).contains("benchmarking (198.18.0.0/15)");
        assertThat(refusal(targets(false), "http://255.255.255.255/hook")).contains("reserved (240.0.0.0/4");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://93.184.216.34/hook", "http://8.8.8.8:8080/luoshi", "http://8.8.8.8:65535/hook",
            "http://8.8.8.8:1/hook", "https://[2606:4700:4700::1111]/hook",
            "http://[64:ff9b::808:808]/hook", "http://[2002:808:808::1]/hook"})   // 8.8.8.8 through NAT64 and 6to4
    void publicTargetsAreAccepted(String url) {
        assertThat(targets(false).check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://8.8.8.8:99999/hook", "http://8.8.8.8:0/hook", "http://8.8.8.8:65536/hook"})
    void aPortOutside1To65535IsRefusedEvenWherePrivateTargetsAreAllowed(String url) {
        assertThat(refusal(targets(false), url)).contains("port must be 1 to 65535");
        assertThat(refusal(targets(true), url)).contains("port must be 1 to 65535");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.org/x", "file:///etc/passwd", "gopher://8.8.8.8:70/_x", "javascript:alert(1)",
            "//8.8.8.8/hook", "http:///hook", "https://user:secret@8.8.8.8/hook", "not a url"})
    void onlyHttpAndHttpsUrlsWithAHostAndNoCredentials(String url) {
        refusal(targets(false), url);
        refusal(targets(true), url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9099/hook", "http://192.168.1.10/hook", "http://localhost:8089/hook"})
    void internalTargetsAreAcceptedWhenConfigurationAllowsThem(String url) {
        assertThat(targets(true).check(url).toString()).isEqualTo(url);
    }

    @Test
    void everyAddressOfAHostIsChecked() {
        WebhookTargets targets = new WebhookTargets(false, host -> new InetAddress[] {
                InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.0.0.7")});
        assertThat(refusal(targets, "https://hooks.example.org/hook")).contains("10.0.0.7");
        assertThat(refusal(new WebhookTargets(false, host -> new InetAddress[0]), "https://nowhere.example.org/hook"))
                .contains("does not resolve");
        assertThat(refusal(new WebhookTargets(false, host -> {
            throw new UnknownHostException(host);
        }), "https://nowhere.example.org/hook")).contains("does not resolve");
    }

    /** A DNS that answers a public address first and 127.0.0.1 afterwards (DNS rebinding), counting its lookups. */
    private static final class Rebinding implements WebhookTargets.Resolver {
        final Deque<String> answers = new ArrayDeque<>(List.of("93.184.216.34", "127.0.0.1"));
        final List<String> asked = new ArrayList<>();

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            asked.add(host);
            return new InetAddress[] {InetAddress.getByName(answers.size() > 1 ? answers.poll() : answers.peek())};
        }
    }

    @Test
    void aDeliveryConnectsToTheAddressItCheckedNeverToASecondAnswer() throws Exception {
        Rebinding dns = new Rebinding();
        Target target = new WebhookTargets(false, dns).resolve("https://hooks.rebinding.example:8443/hook?to=330602");
        // one lookup, and the address the connection goes to is the one checked; the name stays for Host and SNI
        assertThat(dns.asked).containsExactly("hooks.rebinding.example");
        assertThat(target.address()).isEqualTo(InetAddress.getByName("93.184.216.34"));
        assertThat(target.host()).isEqualTo("hooks.rebinding.example");
        assertThat(target.hostHeader()).isEqualTo("hooks.rebinding.example:8443");
        assertThat(target.port()).isEqualTo(8443);
        assertThat(target.https()).isTrue();
        assertThat(target.pathAndQuery()).isEqualTo("/hook?to=330602");
    }

    @Test
    void aNameThatResolvesInsideByTheTimeOfADeliveryIsRefusedThen() {
        Rebinding dns = new Rebinding();
        WebhookTargets targets = new WebhookTargets(false, dns);
        targets.check("http://hooks.rebinding.example/hook");                       // created: 93.184.216.34
        ProblemException refused = catchProblem(() -> targets.resolve("http://hooks.rebinding.example/hook"));
        assertThat(refused.problem().violations().get(0).message()).contains("resolves to 127.0.0.1")
                .contains("loopback (127.0.0.0/8)");
        assertThat(dns.asked).hasSize(2);                                           // once each time, never twice for one
    }

    @Test
    void aTargetsDefaultsFollowItsUrl() throws Exception {
        Target plain = targets(true).resolve("http://[::1]/");
        assertThat(plain.host()).isEqualTo("::1");
        assertThat(plain.hostHeader()).isEqualTo("[::1]");
        assertThat(plain.port()).isEqualTo(80);
        assertThat(plain.pathAndQuery()).isEqualTo("/");
        assertThat(targets(true).resolve("https://127.0.0.1").port()).isEqualTo(443);
        assertThat(targets(true).resolve("https://127.0.0.1").pathAndQuery()).isEqualTo("/");
    }
}
