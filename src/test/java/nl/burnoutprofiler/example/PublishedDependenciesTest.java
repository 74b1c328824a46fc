package nl.burnoutprofiler.example;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * What an application that depends on burnout-profiler through Maven gets at run time: the engine's libraries and
 * nothing else. Every other library of the pom is a test dependency or optional (the server, the command line,
 * storage, FHIR, JWT), so Maven does not pass it on.
 */
class PublishedDependenciesTest {

    /** The artifacts the engine and its JSON need at run time. */
    private static final Set<String> ENGINE = Set.of("kie-api", "drools-engine", "drools-mvel", "drools-xml-support",
            "jackson-databind", "slf4j-api");

    private record Dependency(String artifactId, String scope, boolean optional) {
    }

    private static List<Dependency> dependencies() throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(false);
        Element project = factory.newDocumentBuilder().parse(Path.of("pom.xml").toFile()).getDocumentElement();
        List<Dependency> dependencies = new ArrayList<>();
        for (Node child = project.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && element.getTagName().equals("dependencies")) {
                NodeList list = element.getElementsByTagName("dependency");
                for (int i = 0; i < list.getLength(); i++) {
                    Element dependency = (Element) list.item(i);
                    dependencies.add(new Dependency(text(dependency, "artifactId"), text(dependency, "scope"),
                            "true".equals(text(dependency, "optional"))));
                }
            }
        }
        return dependencies;
    }

    private static String text(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
    }

    @Test
    void everyRunTimeDependencyIsTheEnginesOrOptional() throws Exception {
        List<Dependency> dependencies = dependencies();
        assertThat(dependencies).extracting(Dependency::artifactId).contains("javalin", "picocli", "junit-jupiter");
        List<String> passedOn = dependencies.stream()
                .filter(d -> !"test".equals(d.scope()) && !d.optional())
                .map(Dependency::artifactId)
                .toList();
        assertThat(passedOn).as("dependencies an embedding application gets")
                .containsExactlyInAnyOrderElementsOf(ENGINE);
    }

    @Test
    void theEnginesDependenciesAreNeitherOptionalNorProvided() throws Exception {
        assertThat(dependencies()).filteredOn(d -> ENGINE.contains(d.artifactId())).hasSameSizeAs(ENGINE)
                .allSatisfy(d -> {
                    assertThat(d.optional()).as(d.artifactId()).isFalse();
                    assertThat(d.scope()).as(d.artifactId()).isIn(null, "compile");
                });
    }
}
