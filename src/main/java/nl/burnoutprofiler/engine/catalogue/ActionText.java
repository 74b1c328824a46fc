package nl.burnoutprofiler.engine.catalogue;

import java.util.List;

import nl.burnoutprofiler.engine.team.Actor;

/** What an organisation reads about one action: title, rationale, who acts, its order and its sources. */
public record ActionText(String id, int priority, String nl, String en, String rationaleNl, String rationaleEn,
                         List<Actor> who, List<String> sources) {
}
