package nl.burnoutprofiler.batch;

import java.io.IOException;
import java.io.Reader;

/**
 * Splits a character stream into lines ({@code \n} or {@code \r\n}) and numbers them. Unlike
 * {@link java.io.BufferedReader#readLine()} it never holds more than {@code maxChars} of one line, so a huge line
 * without a break cannot exhaust the heap: its text is dropped and only the fact that it was too long is kept.
 */
final class LineReader {

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Reader in;
    private final int maxChars;
    private final char[] buffer = new char[1 << 16];
    private final StringBuilder line = new StringBuilder();
    private int position;
    private int limit;
    private boolean endOfInput;
    private long lineNumber;
    private boolean tooLong;

    LineReader(Reader in, int maxChars) {
        this.in = in;
        this.maxChars = maxChars;
    }

    /** The next line's text, or null at the end of the input; after it, {@link #tooLong()} tells whether the text was dropped. */
    String next() throws IOException {
        line.setLength(0);
        tooLong = false;
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!started) {
                    return null;
                }
                break;
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n') {
                position++;
            }
            append(start, position - start);
            if (position < limit) {
                position++; // the line break
                break;
            }
        }
        lineNumber++;
        if (tooLong) {
            return "";
        }
        int length = line.length();
        if (length > 0 && line.charAt(length - 1) == '\r') {
            line.setLength(length - 1);
        }
        if (lineNumber == 1 && line.length() > 0 && line.charAt(0) == BYTE_ORDER_MARK) {
            line.deleteCharAt(0);
        }
        return line.toString();
    }

    /** True when the line last returned was longer than the limit; its text was dropped. */
    boolean tooLong() {
        return tooLong;
    }

    /** Number of the line last returned, from 1. */
    long lineNumber() {
        return lineNumber;
    }

    private void append(int start, int count) {
        if (tooLong) {
            return;
        }
        if (line.length() + count > maxChars) {
            tooLong = true;
            line.setLength(0);
            line.trimToSize();
            return;
        }
        line.append(buffer, start, count);
    }

    private boolean fill() throws IOException {
        if (endOfInput) {
            return false;
        }
        int read;
        do {
            read = in.read(buffer, 0, buffer.length);
        } while (read == 0);
        if (read < 0) {
            endOfInput = true;
            return false;
        }
        position = 0;
        limit = read;
        return true;
    }
}
