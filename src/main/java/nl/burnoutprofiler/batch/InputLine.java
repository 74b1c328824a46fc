package nl.burnoutprofiler.batch;

/**
 * One non-blank input line on its way to a worker.
 *
 * @param number   the line's number in the input, from 1
 * @param sequence its place among the non-blank lines, from 0: the order outcomes are written in
 * @param text     the line without its line break, or null when it was longer than the limit
 */
record InputLine(long number, long sequence, String text) {

    boolean tooLong() {
        return text == null;
    }
}
