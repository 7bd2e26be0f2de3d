package luoshi.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * How a service proves who it is when it calls another (the change feed, the reminder job's bulk
 * reads). It signs short-lived tokens of the role {@code service} with a private key whose public
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

    /** How long a service token lives; a new one is signed when half of it has passed. */
    @WithDefault("10m")
    Duration serviceTokenLifetime();
}
