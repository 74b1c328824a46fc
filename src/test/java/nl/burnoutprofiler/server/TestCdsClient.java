package nl.burnoutprofiler.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;
import java.util.function.UnaryOperator;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * A CDS Hooks client in a test: its key pair, and JWTs signed the way the spec asks (or spoiled on purpose).
 *
 * <pre>{@code
 * TestCdsClient ehr = TestCdsClient.es384("https://ehr.example.org", "ehr-key-1");
 * ehr.writeJwks(folder.resolve("ehr.jwks.json"));
 * String jwt = ehr.jwt(audience);                                  // valid for 5 minutes
 * String expired = ehr.jwt(audience, claims -> claims.expirationTime(...));
 * }</pre>
 */
final class TestCdsClient {

    private final String issuer;
    private final JWK key;
    private final JWSAlgorithm algorithm;

    private TestCdsClient(String issuer, JWK key, JWSAlgorithm algorithm) {
        this.issuer = issuer;
        this.key = key;
        this.algorithm = algorithm;
    }

    static TestCdsClient es384(String issuer, String keyId) {
        try {
            return new TestCdsClient(issuer, new ECKeyGenerator(Curve.P_384).keyID(keyId).generate(),
                    JWSAlgorithm.ES384);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    static TestCdsClient rs384(String issuer, String keyId) {
        try {
            return new TestCdsClient(issuer, new RSAKeyGenerator(2048).keyID(keyId).generate(), JWSAlgorithm.RS384);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    String issuer() {
        return issuer;
    }

    /** The public JWK Set, as the client publishes it. */
    String publicJwks() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    Path writeJwks(Path file) {
        try {
            return Files.writeString(file, publicJwks());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid JWT for {@code audience}: issued now, expiring in five minutes, with a new jti. */
    String jwt(String audience) {
        return jwt(audience, claims -> claims);
    }

    /** A JWT with its claims changed by {@code change}. */
    String jwt(String audience, UnaryOperator<JWTClaimsSet.Builder> change) {
        return sign(new JWSHeader.Builder(algorithm).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
                change.apply(claims(audience)).build());
    }

    /** A JWT with a header of the caller's making. */
    String jwt(String audience, JWSHeader header) {
        return sign(header, claims(audience).build());
    }

    JWSAlgorithm algorithm() {
        return algorithm;
    }

    String keyId() {
        return key.getKeyID();
    }

    private JWTClaimsSet.Builder claims(String audience) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("client-" + issuer.hashCode()).audience(audience)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofMinutes(5))))
                .jwtID(UUID.randomUUID().toString()).claim("tenant", "tenant-1");
    }

    private String sign(JWSHeader header, JWTClaimsSet claims) {
        try {
            JWSSigner signer = key instanceof com.nimbusds.jose.jwk.ECKey ec ? new ECDSASigner(ec)
                    : new RSASSASigner(key.toRSAKey());
            SignedJWT jwt = new SignedJWT(header, claims);
            jwt.sign(signer);
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
