package nl.burnoutprofiler.stream;

/** Which outcome JSON the stream writes, as {@code assess-batch} does with and without {@code --compact}. */
public enum OutcomeForm {
    /** The outcome of contract section 2, unindented. */
    FULL,
    /** The decisions by id, without texts and trace facts (the texts are in the catalogue). */
    COMPACT
}
