package luoshi.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * What a token must be to be accepted ({@link TokenRules}: its audience and its longest life), and how a service
 * proves who it is when it calls another (the change feed, the reminder job's bulk reads). It signs short-lived tokens of the role {@code service} with a private key whose public
 * half the callee trusts: in a local run the key pair of the run (deploy/local/run.sh); in production
 * a key of its own, published beside the issuer's in the JWKS that {@code mp.jwt.verify.publickey.location}
 * names (see deploy/README.md). Without a key, calls to other services carry no token and are refused.
 */
@ConfigMapping(prefix = "luoshi.security")
public interface SecurityConfig {

    /** The PEM file (PKCS#8) of the private key that signs this service's own tokens. */
    Optional<String> serviceKey();

    /** The {@code kid} header of those tokens, when the verifiers' JWKS holds more than one key. */
    Optional<String> serviceKeyId();

    /** How long a service token lives (never longer than {@link #maxTokenAge}); a new one is signed at half-life. */
    @WithDefault("10m")
    Duration serviceTokenLifetime();

    /**
     * The audience every token must name in its {@code aud} claim (API.md, Tokens); none: {@code aud} is not checked.
     * Every service's and the gateway's application.properties read it from {@code LUOSHI_JWT_AUDIENCE}, and the
     * tokens Luoshi signs itself (service tokens, deploy/local/token.sh) carry it.
     */
    Optional<String> audience();

    /**
     * The longest life a token may have: {@code exp - iat}, or {@code exp - now} for a token without {@code iat}
     * (API.md: default 24 h). A token issued for longer is refused, whatever is left of it.
     */
    @WithDefault("24h")
    Duration maxTokenAge();
}
