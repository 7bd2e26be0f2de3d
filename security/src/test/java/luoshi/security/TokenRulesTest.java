package luoshi.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import luoshi.security.jwt.Rs256;
import org.junit.jupiter.api.Test;

/**
 * API.md "Tokens": the audience, a token from the future and the longest life, checked on real RS256 tokens through
 * smallrye-jwt's verifier and {@link VerifiedTokens}, as a service verifies them.
 */
class TokenRulesTest {

    private static final String ISSUER = "https://luoshi.test";
    private static final String AUDIENCE = "luoshi-shaoxing";
    private static final long HOUR = 3600;
    private static final KeyPair KEYS = Rs256.generate();

    /** smallrye checks exp against the wall clock: the rules are asked at the same now. */
    private final long now = System.currentTimeMillis() / 1000;

    private VerifiedTokens verifier(Optional<String> audience, Duration maxAge) {
        JWTAuthContextInfo context = new JWTAuthContextInfo((RSAPublicKey) KEYS.getPublic(), ISSUER);
        return new VerifiedTokens(new DefaultJWTParser(context), new TokenRules(audience, maxAge), () -> now);
    }

    private final VerifiedTokens withAudience = verifier(Optional.of(AUDIENCE), Duration.ofHours(24));

    private static String token(Object audience, long issuedAt, long lifetime) {
        Map<String, Object> claims = Rs256.claims(ISSUER, null, "operator@330602", List.of("operator"), "330602",
                issuedAt, lifetime);
        if (audience != null) {
            claims.put("aud", audience);
        }
        return Rs256.sign(claims, KEYS.getPrivate(), null);
    }

    private static String withoutIssuedAt(long expires) {
        Map<String, Object> claims = Rs256.claims(ISSUER, AUDIENCE, "operator@330602", List.of("operator"), "330602", 0, 0);
        claims.remove("iat");
        claims.put("exp", expires);
        return Rs256.sign(claims, KEYS.getPrivate(), null);
    }

    private static void refused(VerifiedTokens verifier, String token, String because) {
        assertThatThrownBy(() -> verifier.parse(token)).isInstanceOf(TokenRules.Refused.class).hasMessageContaining(because);
    }

    @Test
    void aTokenForTheAudienceIssuedNowForTwentyThreeHoursIsAccepted() throws Exception {
        assertThat(withAudience.parse(token(AUDIENCE, now, 23 * HOUR)).getSubject()).isEqualTo("operator@330602");
        assertThat(withAudience.parse(token(List.of("another-system", AUDIENCE), now, 23 * HOUR)).getAudience())
                .contains(AUDIENCE);
    }

    @Test
    void whenAnAudienceIsConfiguredATokenWithoutItIsRefused() {
        refused(withAudience, token(null, now, HOUR), "aud claim must name " + AUDIENCE);
        refused(withAudience, token("another-system", now, HOUR), "aud claim must name " + AUDIENCE);
        refused(withAudience, token(List.of("another-system", "luoshi"), now, HOUR), "aud claim must name");
    }

    @Test
    void withoutAConfiguredAudienceATokenWithoutAudIsAccepted() throws Exception {
        VerifiedTokens anyAudience = verifier(Optional.empty(), Duration.ofHours(24));
        assertThat(anyAudience.parse(token(null, now, HOUR)).getSubject()).isEqualTo("operator@330602");
        assertThat(verifier(Optional.of("  "), Duration.ofHours(24)).parse(token(null, now, HOUR))).isNotNull();
    }

    @Test
    void aTokenIssuedInTheFutureIsRefusedBeyondAMinuteOfClockSkew() throws Exception {
        refused(withAudience, token(AUDIENCE, now + 2 * 60, HOUR), "issued in the future");
        refused(withAudience, token(AUDIENCE, now + 10 * HOUR, HOUR), "issued in the future");
        // the issuer's clock a little ahead of this server's
        assertThat(withAudience.parse(token(AUDIENCE, now + 30, HOUR))).isNotNull();
        assertThat(withAudience.parse(token(AUDIENCE, now + TokenRules.CLOCK_SKEW.toSeconds(), HOUR))).isNotNull();
    }

    @Test
    void aTokenLivingLongerThanTheMaximumIsRefusedWhateverIsLeftOfIt() throws Exception {
        refused(withAudience, token(AUDIENCE, now, 25 * HOUR), "lives longer than the 86400 s");
        refused(withAudience, token(AUDIENCE, now - 10 * HOUR, 100L * 365 * 24 * HOUR), "lives longer");
        // issued 20 h ago for 25 h: 5 h are left, and it is still refused
        refused(withAudience, token(AUDIENCE, now - 20 * HOUR, 25 * HOUR), "lives longer");
        assertThat(withAudience.parse(token(AUDIENCE, now, 24 * HOUR))).isNotNull();
        assertThat(withAudience.parse(token(AUDIENCE, now - 20 * HOUR, 23 * HOUR))).isNotNull();

        VerifiedTokens twoHours = verifier(Optional.of(AUDIENCE), Duration.ofHours(2));
        refused(twoHours, token(AUDIENCE, now, 3 * HOUR), "lives longer than the 7200 s");
        assertThat(twoHours.parse(token(AUDIENCE, now, 2 * HOUR))).isNotNull();
    }

    @Test
    void withoutIatATokensLifeCountsFromNow() throws Exception {
        // smallrye-jwt requires iat itself as it is configured here; the rule holds for a verifier that would not
        assertThatThrownBy(() -> withAudience.parse(withoutIssuedAt(now + HOUR)))
                .isInstanceOf(io.smallrye.jwt.auth.principal.ParseException.class);
        TokenRules rules = new TokenRules(Optional.of(AUDIENCE), Duration.ofHours(24));
        assertThatThrownBy(() -> rules.check(claimsOnly(Map.of("aud", java.util.Set.of(AUDIENCE), "exp", now + 25 * HOUR)),
                now)).isInstanceOf(TokenRules.Refused.class).hasMessageContaining("lives longer");
        rules.check(claimsOnly(Map.of("aud", java.util.Set.of(AUDIENCE), "exp", now + 23 * HOUR)), now);
    }

    /** A verified token reduced to its claims. */
    private static org.eclipse.microprofile.jwt.JsonWebToken claimsOnly(Map<String, Object> claims) {
        return new org.eclipse.microprofile.jwt.JsonWebToken() {
            @Override
            public String getName() {
                return "operator@330602";
            }

            @Override
            public java.util.Set<String> getClaimNames() {
                return claims.keySet();
            }

            @Override
            @SuppressWarnings("unchecked")
            public <T> T getClaim(String name) {
                return (T) claims.get(name);
            }
        };
    }

    @Test
    void aRefusedTokenIsNotRemembered() {
        String tooLong = token(AUDIENCE, now, 25 * HOUR);
        refused(withAudience, tooLong, "lives longer");
        refused(withAudience, tooLong, "lives longer");
    }
}
