package luoshi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {

    /** A verifier that accepts tokens named "good-…" expiring at the number after the dash, and counts its work. */
    static final class CountingVerifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();
        final List<String> claimsRead = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("bad signature");
            }
            long exp = Long.parseLong(token.substring("good-".length()));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String name) {
                    claimsRead.add(name);
                    return (T) Map.of("exp", (Object) exp, "region", "330600").get(name);
                }
            };
        }
    }

    final CountingVerifier verifier = new CountingVerifier();
    final AtomicLong now = new AtomicLong(1_000);
    final VerifiedTokens tokens = new VerifiedTokens(verifier, new TokenRules(java.util.Optional.empty(),
            java.time.Duration.ofHours(24)), now::get);

    @Test
    void aTokenIsVerifiedOnceAndThenRemembered() throws Exception {
        JsonWebToken first = tokens.parse("good-5000");
        assertThat(tokens.parse("good-5000")).isSameAs(first);
        assertThat(verifier.verified).containsExactly("good-5000");
    }

    @Test
    void eachClaimOfARememberedTokenIsReadOnce() throws Exception {
        JsonWebToken token = tokens.parse("good-5000");
        verifier.claimsRead.clear();
        for (int i = 0; i < 3; i++) {
            assertThat((String) tokens.parse("good-5000").getClaim("region")).isEqualTo("330600");
            assertThat((Object) token.getClaim("absent")).isNull();
        }
        assertThat(verifier.claimsRead).containsExactly("region", "absent");
    }

    @Test
    void aTokenIsVerifiedAgainAfterAMinute() throws Exception {
        tokens.parse("good-5000");
        now.addAndGet(VerifiedTokens.REMEMBER_SECONDS - 1);
        tokens.parse("good-5000");
        now.addAndGet(1);
        tokens.parse("good-5000");
        assertThat(verifier.verified).containsExactly("good-5000", "good-5000");
    }

    @Test
    void aTokenIsNeverRememberedPastItsExpiry() throws Exception {
        tokens.parse("good-1010");
        now.set(1_009);
        tokens.parse("good-1010");
        assertThat(verifier.verified).hasSize(1);
        now.set(1_010);                                     // expired: the verifier decides again (and would refuse)
        tokens.parse("good-1010");
        assertThat(verifier.verified).hasSize(2);
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndAnotherTextIsVerifiedOnItsOwn() throws Exception {
        tokens.parse("good-5000");
        assertThatThrownBy(() -> tokens.parse("good-5000x")).isInstanceOf(Exception.class);
        assertThatThrownBy(() -> tokens.parse("bad")).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.parse("bad")).isInstanceOf(ParseException.class);
        assertThat(verifier.verified).containsExactly("good-5000", "good-5000x", "bad", "bad");
    }
}
