package nl.burnoutprofiler.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import nl.burnoutprofiler.server.TestServer.Caller;
import nl.burnoutprofiler.server.TestServer.Response;

/**
 * CDS clients authenticate as CDS Hooks 2.0 describes: a JWT signed with their private key, checked against the JWK
 * Set configured for their issuer (a file or a URL), for the exact endpoint called, once, while it lives. API
 * tokens of integrators work beside it; other roles are refused.
 */
class CdsJwtTest {

    private static final String PUBLIC_URL = "https://coach.example.org";
    private static final String SERVICE_URL = PUBLIC_URL + CdsHooksRoutes.SERVICE;
    private static final String FEEDBACK_URL = PUBLIC_URL + CdsHooksRoutes.FEEDBACK;

    @TempDir
    static Path data;

    private static TestServer server;
    private static HttpServer keyServer;
    private static final AtomicInteger keyFetches = new AtomicInteger();
    private static final TestCdsClient EHR = TestCdsClient.es384("https://ehr.example.org", "ehr-key-1");
    private static final TestCdsClient PORTAL = TestCdsClient.rs384("https://portal.example.org/", "portal-2026");

    @BeforeAll
    static void start() throws IOException {
        Path ehrKeys = EHR.writeJwks(data.resolve("ehr.jwks.json"));
        keyServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        keyServer.createContext("/jwks.json", exchange -> {
            keyFetches.incrementAndGet();
            byte[] body = PORTAL.publicJwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        keyServer.start();
        String portalKeys = "http://127.0.0.1:" + keyServer.getAddress().getPort() + "/jwks.json";
        server = TestServer.start(TestServer.settings(data.resolve("db")).withPublicUrl(PUBLIC_URL + "/")
                .withCdsClients(List.of(
                        ServerSettings.CdsClient.parse(EHR.issuer() + "=" + ehrKeys),
                        new ServerSettings.CdsClient(PORTAL.issuer(), portalKeys))));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (keyServer != null) {
            keyServer.stop(0);
        }
    }

    private static String hookRequest(String caseId) {
        return "{\"hook\":\"patient-view\",\"hookInstance\":\"" + UUID.randomUUID()
                + "\",\"context\":{\"userId\":\"Practitioner/1\",\"patientId\":\"p-1\",\"intake\":"
                + TestIntake.forCase(caseId).observed("SLEEP_PROBLEMS", 3).observed("PROLONGED_RESERVE_RUNNING", 2)
                        .checkedAbsent("SUICIDAL_IDEATION").json() + "}}";
    }

    private static Caller bearer(String token) {
        return server.anonymous().with("Authorization", "Bearer " + token);
    }

    private static Response callService(String jwt) {
        return bearer(jwt).post(CdsHooksRoutes.SERVICE, hookRequest("c-jwt"));
    }

    private static void assertRefused(Response response, String reason) {
        assertThat(response.status()).as(response.toString()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(response.json().path("detail").asText()).as(response.toString()).containsIgnoringCase(reason);
    }

    // ---- accepted

    @Test
    void anEs384JwtCheckedAgainstAKeyFileIsAnIntegrator() {
        Response response = callService(EHR.jwt(SERVICE_URL));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(CdsHooksSpec.assertCardsResponse(response.json())).isNotEmpty();
        assertThat(server.database().audit().forCase("c-jwt")).extracting(entry -> entry.actor())
                .contains(EHR.issuer());
    }

    @Test
    void anRs384JwtCheckedAgainstAKeyUrlIsAnIntegratorAndItsKeysAreCached() {
        for (int i = 0; i < 3; i++) {
            Response response = callService(PORTAL.jwt(SERVICE_URL));
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
        }
        assertThat(keyFetches.get()).as("JWK Set fetched once for three calls").isEqualTo(1);
    }

    @Test
    void theAudienceMayBeAnArrayHoldingTheEndpointUrl() {
        Response response = callService(EHR.jwt(SERVICE_URL,
                claims -> claims.audience(List.of("https://elsewhere.example.org", SERVICE_URL))));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void feedbackNeedsAJwtForTheFeedbackEndpoint() {
        String card = CdsHooksSpec.assertCardsResponse(callService(EHR.jwt(SERVICE_URL)).json()).get(0)
                .path("uuid").asText();
        String feedback = "{\"feedback\":[{\"card\":\"" + card + "\",\"outcome\":\"overridden\","
                + "\"outcomeTimestamp\":\"2026-11-20T10:15:30Z\"}]}";
        assertRefused(bearer(EHR.jwt(SERVICE_URL)).post(CdsHooksRoutes.FEEDBACK, feedback), "aud must be "
                + FEEDBACK_URL);
        Response accepted = bearer(EHR.jwt(FEEDBACK_URL)).post(CdsHooksRoutes.FEEDBACK, feedback);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    }

    // ---- refused

    @Test
    void aJwtForAnotherAudienceIsRefused() {
        assertRefused(callService(EHR.jwt("https://other.example.org/cds-services/burnout-profiler-intake")),
                "aud claim rejected");
        assertRefused(callService(EHR.jwt(PUBLIC_URL + CdsHooksRoutes.DISCOVERY)), "aud must be " + SERVICE_URL);
    }

    @Test
    void anExpiredJwtIsRefused() {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        assertRefused(callService(EHR.jwt(SERVICE_URL, claims -> claims.issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(5)))))), "expired");
    }

    @Test
    void aJwtOfAnUnknownIssuerIsRefused() {
        TestCdsClient stranger = TestCdsClient.es384("https://stranger.example.org", "ehr-key-1");
        assertRefused(callService(stranger.jwt(SERVICE_URL)), "issuer is not a trusted CDS client");
    }

    @Test
    void aJwtSignedWithAnotherKeyIsRefused() {
        TestCdsClient impostor = TestCdsClient.es384(EHR.issuer(), EHR.keyId());
        assertRefused(callService(impostor.jwt(SERVICE_URL)), "signature");
    }

    @Test
    void aReplayedJwtIsRefused() {
        String jwt = EHR.jwt(SERVICE_URL);
        assertThat(callService(jwt).status()).isEqualTo(200);
        assertRefused(callService(jwt), "jti was used before");
    }

    @Test
    void aJwtWithoutJtiOrIatIsRefused() {
        assertRefused(callService(EHR.jwt(SERVICE_URL, claims -> claims.jwtID(null))), "jti");
        assertRefused(callService(EHR.jwt(SERVICE_URL, claims -> claims.issueTime(null))), "iat");
    }

    @Test
    void aJwtLivingLongerThanAnHourIsRefused() {
        assertRefused(callService(EHR.jwt(SERVICE_URL, claims -> claims.expirationTime(
                Date.from(Instant.now().plus(Duration.ofDays(1)))))), "exp lies more than 60 minutes ahead");
    }

    @Test
    void theHeaderNeedsTypJwtAndAKid() {
        assertRefused(callService(EHR.jwt(SERVICE_URL, new JWSHeader.Builder(EHR.algorithm()).keyID(EHR.keyId())
                .build())), "typ JWT");
        assertRefused(callService(EHR.jwt(SERVICE_URL, new JWSHeader.Builder(EHR.algorithm())
                .type(JOSEObjectType.JWT).build())), "kid");
    }

    @Test
    void symmetricAndUnsignedJwtsAreRefused() throws JOSEException {
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).type(JOSEObjectType.JWT)
                .keyID(EHR.keyId()).build(), new JWTClaimsSet.Builder().issuer(EHR.issuer()).audience(SERVICE_URL)
                .issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(300))).jwtID("h-1").build());
        hmac.sign(new MACSigner("a shared secret of at least 256 bits, which CDS Hooks forbids".getBytes(
                StandardCharsets.UTF_8)));
        assertRefused(callService(hmac.serialize()), "alg HS256 is not accepted");

        String unsigned = new PlainJWT(new JWTClaimsSet.Builder().issuer(EHR.issuer()).audience(SERVICE_URL)
                .build()).serialize();
        assertRefused(callService(unsigned), "not a signed JWT");
    }

    @Test
    void garbageThatLooksLikeAJwtIsRefused() {
        assertRefused(callService("abc.def.ghi"), "not a signed JWT");
    }

    // ---- API tokens beside JWTs

    @Test
    void anIntegratorTokenIsAcceptedOtherRolesAreNot() {
        assertThat(server.integratorToken("cds-partner").post(CdsHooksRoutes.SERVICE, hookRequest("c-token"))
                .status()).isEqualTo(200);
        Response coach = server.coach("cds-coach").post(CdsHooksRoutes.SERVICE, hookRequest("c-token"));
        assertThat(coach.status()).as(coach.toString()).isEqualTo(403);
        Response admin = server.adminToken("cds-admin").post(CdsHooksRoutes.SERVICE, hookRequest("c-token"));
        assertThat(admin.status()).as(admin.toString()).isEqualTo(403);
        assertThat(server.anonymous().post(CdsHooksRoutes.SERVICE, hookRequest("c-token")).status()).isEqualTo(401);
    }

    @Test
    void discoveryNeedsNoCredentials() {
        Response response = server.anonymous().get(CdsHooksRoutes.DISCOVERY);
        assertThat(response.status()).isEqualTo(200);
        CdsHooksSpec.assertDiscoveryResponse(response.json());
    }
}
