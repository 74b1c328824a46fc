package nl.burnoutprofiler.engine.facts;

import nl.burnoutprofiler.engine.Stage;

/** The stage of change the evidence points to. Absent when the stage is undetermined. */
public record StageChoice(Stage stage) {

    @Override
    public String toString() {
        return "stage " + stage;
    }
}
