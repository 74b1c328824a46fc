package nl.burnoutprofiler.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Serves the JSON Schemas (draft 2020-12) of the intake and the outcome, the same files the jar ships under
 * {@value #RESOURCES}, so a program can check its JSON before it calls the API. Public, like the OpenAPI document.
 */
final class SchemaRoutes {

    static final String RESOURCES = "/nl/burnoutprofiler/schema/";
    static final String PATH = "/api/schemas/";
    static final List<String> FILES = List.of("intake.schema.json", "outcome.schema.json");
    static final String CONTENT_TYPE = "application/schema+json";

    private SchemaRoutes() {
    }

    static void register(RouteTable routes) {
        for (String file : FILES) {
            byte[] schema = read(RESOURCES + file);
            routes.get(PATH + file, ctx -> ctx.contentType(CONTENT_TYPE).result(schema));
        }
    }

    static byte[] read(String resource) {
        try (InputStream in = SchemaRoutes.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
