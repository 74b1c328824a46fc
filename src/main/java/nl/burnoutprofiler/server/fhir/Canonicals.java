package nl.burnoutprofiler.server.fhir;

import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.UriParam;

/** The search of a canonical resource by {@code url} and {@code version}, as FHIR clients resolve a canonical. */
final class Canonicals {

    private Canonicals() {
    }

    /**
     * Whether a resource with this canonical URL and version is asked for: {@code url} equal to its URL, or to
     * {@code URL|version}; {@code version} equal to its version. A parameter not given asks for any.
     */
    static boolean matches(String canonicalUrl, String canonicalVersion, UriParam url, TokenParam version) {
        if (url != null && url.getValue() != null) {
            String[] parts = url.getValue().split("\\|", 2);
            if (!parts[0].equals(canonicalUrl) || parts.length == 2 && !parts[1].equals(canonicalVersion)) {
                return false;
            }
        }
        return version == null || version.getValue() == null || version.getValue().equals(canonicalVersion);
    }
}
