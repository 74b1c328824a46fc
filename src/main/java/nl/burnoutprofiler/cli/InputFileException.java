package nl.burnoutprofiler.cli;

/** An input file that cannot be read. */
final class InputFileException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InputFileException(String message) {
        super(message);
    }
}
