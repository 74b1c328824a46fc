package nl.burnoutprofiler.engine.team;

import nl.burnoutprofiler.engine.catalogue.Text;

/** Who carries out an organisational action. */
public enum Actor {
    /** Team leaders, managers and the board: time, means, decisions and the culture set from the top. */
    LEADERSHIP(new Text("leidinggevenden en management", "leadership and management")),
    /** The colleagues who work together every day. */
    TEAM(new Text("het team", "the team")),
    /** HR and occupational health: training, prevention, and the occupational physician's part. */
    HR_OCCUPATIONAL_HEALTH(new Text("HR en bedrijfsarts", "HR and occupational health"));

    private final Text label;

    Actor(Text label) {
        this.label = label;
    }

    /** How a page names it, in Dutch and English. */
    public Text label() {
        return label;
    }
}
