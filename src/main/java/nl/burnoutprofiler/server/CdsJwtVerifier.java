package nl.burnoutprofiler.server;

import java.io.File;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.JWKSetCacheRefreshEvaluator;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;

import nl.burnoutprofiler.store.Role;
import nl.burnoutprofiler.store.UsedTokenIds;

/**
 * Recognises CDS Hooks clients by the JWT they send as bearer token (CDS Hooks 2.0, "Trusting CDS Clients"): signed
 * with an asymmetric key ({@code none} and HMAC are refused; ES384 and RS384 are the recommended ones) whose public
 * half is in the JWK Set configured for the issuer; header {@code typ} JWT and {@code kid}; claims {@code iss} (a
 * configured client), {@code aud} (the URL of the endpoint called), {@code exp}, {@code iat} and {@code jti}, each
 * {@code jti} accepted once while its token lives. A JWT that passes is an integrator. The {@code jku} header is
 * ignored: keys come only from the configuration.
 */
final class CdsJwtVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(CdsJwtVerifier.class);

    /** The asymmetric signature algorithms: RSA (PKCS#1 and PSS) and elliptic curves. */
    static final Set<JWSAlgorithm> ALGORITHMS;

    static {
        Set<JWSAlgorithm> algorithms = new HashSet<>(JWSAlgorithm.Family.RSA);
        algorithms.addAll(JWSAlgorithm.Family.EC);
        ALGORITHMS = Set.copyOf(algorithms);
    }

    /** Clocks of client and server may differ this much. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    /**
     * The longest lifetime a token may have left. The spec advises minutes; the bound also bounds how long a
     * {@code jti} is remembered.
     */
    static final Duration MAX_REMAINING_LIFETIME = Duration.ofHours(1);

    /** The longest issuer kept as a principal name, as the audit log stores it. */
    private static final int MAX_NAME = 100;

    private final Map<String, JWKSource<SecurityContext>> keysByIssuer;
    private final Supplier<String> publicUrl;
    private final Clock clock;
    private final UsedTokenIds usedTokenIds;

    /**
     * @param clients   the trusted clients; a key file is read now, so a wrong path stops the server from starting
     * @param publicUrl the server's public URL, which with the request path gives the expected {@code aud}
     * @param usedTokenIds the {@code jti}s accepted before, by any server on the database
     */
    CdsJwtVerifier(List<ServerSettings.CdsClient> clients, Supplier<String> publicUrl, Clock clock,
                   UsedTokenIds usedTokenIds) {
        Map<String, JWKSource<SecurityContext>> keys = new LinkedHashMap<>();
        for (ServerSettings.CdsClient client : clients) {
            keys.put(client.issuer(), keySource(client));
        }
        this.keysByIssuer = Map.copyOf(keys);
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.usedTokenIds = usedTokenIds;
    }

    /** Whether a bearer value is a JWS in compact form (three dot-separated parts) rather than an API token. */
    static boolean looksLikeJwt(String bearer) {
        String[] parts = bearer.split("\\.", -1);
        return parts.length == 3 && !parts[0].isEmpty() && !parts[1].isEmpty();
    }

    /**
     * Verifies a client's JWT for a call of {@code path}.
     *
     * @return the client as an integrator, named by its issuer
     * @throws RuntimeException a 401 {@link ApiProblem} saying what is wrong with the token
     */
    Principal verify(String jwt, String path) {
        SignedJWT signed;
        JWTClaimsSet unverified;
        try {
            signed = SignedJWT.parse(jwt);
            unverified = signed.getJWTClaimsSet();
        } catch (ParseException e) {
            throw refused("it is not a signed JWT");
        }
        JWSHeader header = signed.getHeader();
        if (!ALGORITHMS.contains(header.getAlgorithm())) {
            throw refused("alg " + header.getAlgorithm() + " is not accepted; sign with an asymmetric key (ES384 or "
                    + "RS384 recommended)");
        }
        if (!JOSEObjectType.JWT.equals(header.getType())) {
            throw refused("the header needs typ JWT");
        }
        if (header.getKeyID() == null || header.getKeyID().isBlank()) {
            throw refused("the header needs the kid of the signing key");
        }
        String issuer = unverified.getIssuer();
        JWKSource<SecurityContext> keys = issuer == null ? null : keysByIssuer.get(issuer);
        if (keys == null) {
            throw refused(issuer == null ? "it has no iss" : "its issuer is not a trusted CDS client");
        }
        String audience = publicUrl.get() + path;
        JWTClaimsSet claims;
        try {
            claims = processor(keys, issuer, audience).process(signed, null);
        } catch (KeySourceException e) {
            LOG.warn("the keys of CDS client {} could not be read: {}", issuer, e.getMessage());
            throw refused("the keys of its issuer could not be read");
        } catch (BadJOSEException | JOSEException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            throw refused(reason + (reason.contains(" aud ") ? " (aud must be " + audience + ")" : ""));
        }
        Instant now = clock.instant();
        Instant issuedAt = claims.getIssueTime().toInstant();
        Instant expires = claims.getExpirationTime().toInstant();
        if (issuedAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw refused("iat lies in the future");
        }
        if (expires.isAfter(now.plus(MAX_REMAINING_LIFETIME).plus(CLOCK_SKEW))) {
            throw refused("exp lies more than " + MAX_REMAINING_LIFETIME.toMinutes() + " minutes ahead");
        }
        rememberOnce(issuer, claims.getJWTID(), expires.plus(CLOCK_SKEW), now);
        String name = issuer.length() > MAX_NAME ? issuer.substring(0, MAX_NAME) : issuer;
        String subject = claims.getSubject();
        return new Principal(name, subject == null || subject.isBlank() ? name : subject, Role.INTEGRATOR, null);
    }

    private DefaultJWTProcessor<SecurityContext> processor(JWKSource<SecurityContext> keys, String issuer,
                                                          String audience) {
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        DefaultJWTClaimsVerifier<SecurityContext> claims = new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("aud", "exp", "iat", "jti")) {
            @Override
            protected Date currentTime() {
                return Date.from(clock.instant());
            }
        };
        claims.setMaxClockSkew((int) CLOCK_SKEW.toSeconds());
        processor.setJWTClaimsSetVerifier(claims);
        return processor;
    }

    /**
     * Refuses a {@code jti} seen before from the same issuer, by this server or another on the same database,
     * while that earlier token could still be valid.
     */
    private void rememberOnce(String issuer, String jti, Instant forgetAfter, Instant now) {
        if (!usedTokenIds.firstUse(issuer + "\n" + jti, forgetAfter, now)) {
            throw refused("its jti was used before (a replayed token)");
        }
    }

    private static RuntimeException refused(String reason) {
        return ApiProblem.unauthorized("The CDS client JWT is not accepted: " + reason + ".").raise();
    }

    // ---- where the keys come from

    private static JWKSource<SecurityContext> keySource(ServerSettings.CdsClient client) {
        if (client.jwksIsUrl()) {
            try {
                return JWKSourceBuilder.<SecurityContext>create(URI.create(client.jwks()).toURL()).retrying(true)
                        .build();
            } catch (MalformedURLException | IllegalArgumentException e) {
                throw new IllegalArgumentException("the JWKS URL of CDS client " + client.issuer() + " is not valid: "
                        + client.jwks() + " (" + e.getMessage() + ")");
            }
        }
        JwksFile file = new JwksFile(Path.of(client.jwks()).toFile(), client.issuer());
        file.read(); // fails now rather than at the first request
        return JWKSourceBuilder.create(file).build();
    }

    /** A JWK Set in a file, read again when the cache in front of it expires or meets an unknown kid. */
    private record JwksFile(File file, String issuer) implements JWKSetSource<SecurityContext> {

        JWKSet read() {
            try {
                return JWKSet.load(file).toPublicJWKSet();
            } catch (IOException | ParseException e) {
                // No cause: the message already says it, and the command line shows the innermost message.
                throw new IllegalArgumentException("the JWKS file " + file + " of CDS client " + issuer
                        + " cannot be read: " + e.getMessage());
            }
        }

        @Override
        public JWKSet getJWKSet(JWKSetCacheRefreshEvaluator refreshEvaluator, long currentTime,
                                SecurityContext context) throws KeySourceException {
            try {
                return read();
            } catch (IllegalArgumentException e) {
                throw new KeySourceException(e.getMessage(), e);
            }
        }

        @Override
        public void close() {
        }
    }
}
