package nl.burnoutprofiler.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Serves the OpenAPI 3 document of the API; a test keeps it true to the registered routes. */
final class OpenApi {

    static final String RESOURCE = "/nl/burnoutprofiler/server/openapi.json";
    static final String PATH = "/api/openapi.json";

    private OpenApi() {
    }

    static void register(RouteTable routes) {
        byte[] document = document();
        routes.get(PATH, ctx -> ctx.contentType("application/json").result(document));
    }

    static byte[] document() {
        try (InputStream in = OpenApi.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + RESOURCE);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
