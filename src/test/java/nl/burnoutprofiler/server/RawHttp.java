package nl.burnoutprofiler.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, for what a well-behaved client cannot send: a Content-Length it does not keep to, or
 * a chunked body of hundreds of megabytes written while the answer is read.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /** What came back: the status line's code and everything after the headers. */
    record Answer(int status, String head, String body) {
    }

    /**
     * Sends the head with {@code Content-Length: declared} and the first 64 KB of the body (Jetty dispatches once
     * content comes), and reads the answer.
     */
    Answer declaredLength(String path, Map<String, String> headers, long declared) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, headers, "Content-Length: " + declared).getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[64 * 1024]);
            out.flush();
            return read(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Streams {@code totalBytes} of {@code filler} as a chunked body after {@code prefix}, in the background, and
     * reads the answer as soon as it comes; writing stops when the server closes the connection.
     */
    Answer chunked(String path, Map<String, String> headers, byte[] prefix, byte filler, long totalBytes) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head(path, headers, "Transfer-Encoding: chunked").getBytes(StandardCharsets.US_ASCII));
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    chunk(out, prefix);
                    byte[] block = new byte[64 * 1024];
                    java.util.Arrays.fill(block, filler);
                    for (long sent = prefix.length; sent < totalBytes; sent += block.length) {
                        chunk(out, block);
                    }
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading and closed: what a limit should do
                }
            });
            Answer answer = read(socket.getInputStream());
            socket.close();
            writing.exceptionally(e -> null).join();
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static String head(String path, Map<String, String> headers, String framing) {
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\n" + framing + "\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        return head.append("\r\n").toString();
    }

    /** Reads the head, then the body by its Content-Length or its chunks. */
    private static Answer read(InputStream in) throws IOException {
        String head = readHead(in);
        int status = Integer.parseInt(head.substring(9, 12));
        String lower = head.toLowerCase(java.util.Locale.ROOT);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (lower.contains("transfer-encoding: chunked")) {
            while (true) {
                int size = Integer.parseInt(readLine(in).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                body.write(in.readNBytes(size));
                readLine(in);
            }
        } else {
            int at = lower.indexOf("content-length: ");
            int length = at < 0 ? 0 : Integer.parseInt(lower.substring(at + 16, lower.indexOf('\r', at)).trim());
            body.write(in.readNBytes(length));
        }
        return new Answer(status, head, body.toString(StandardCharsets.UTF_8));
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        String line;
        while (!(line = readLine(in)).isEmpty()) {
            head.append(line).append("\r\n");
        }
        return head.toString();
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                line.write(b);
            }
        }
        if (b == -1 && line.size() == 0) {
            throw new IOException("connection closed before an answer");
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
