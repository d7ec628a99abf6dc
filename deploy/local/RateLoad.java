import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.HdrHistogram.Histogram;

/**
 * An open-loop load at a fixed rate, in the manner of wrk2: request i is due at
 * start + i / rate, on keep-alive connection i mod C, whether or not the earlier ones have been
 * answered; its latency counts from when it was due, not from when it was sent, so a server
 * that stalls is charged for every request that queued behind the stall (what a closed loop
 * such as ApacheBench hides). Plain blocking sockets, so the client costs little of the
 * machine it measures. Prints the rate reached and the latency percentiles; asserts nothing.
 *
 * <pre>java -cp HdrHistogram.jar RateLoad.java URL RATE SECONDS CONNECTIONS BODY_FILE|- ['Header: value'...]</pre>
 * A body file of "-" sends a GET; a body is sent as application/json.
 */
public class RateLoad {

    public static void main(String[] args) throws Exception {
        if (args.length < 5) {
            System.err.println("usage: RateLoad URL RATE SECONDS CONNECTIONS BODY_FILE|- ['Header: value'...]");
            System.exit(2);
        }
        URI uri = URI.create(args[0]);
        double rate = Double.parseDouble(args[1]);
        int seconds = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        byte[] body = "-".equals(args[4]) ? null : Files.readAllBytes(Path.of(args[4]));
        StringBuilder head = new StringBuilder();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        head.append(body == null ? "GET " : "POST ").append(path).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n");
        for (int i = 5; i < args.length; i++) {
            head.append(args[i]).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (body != null) {
            request.write(body);
        }
        byte[] bytes = request.toByteArray();

        long total = Math.round(rate * seconds);
        long period = Math.round(1e9 / rate);
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        List<Worker> workers = new ArrayList<>();
        for (int c = 0; c < connections; c++) {
            Worker w = new Worker(uri, bytes, start, period, c, connections, total);
            workers.add(w);
            w.start();
        }
        Histogram all = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        Map<Integer, Long> statuses = new TreeMap<>();
        long failed = 0;
        for (Worker w : workers) {
            w.join();
            all.add(w.latency);
            w.statuses.forEach((s, n) -> statuses.merge(s, n, Long::sum));
            failed += w.failed;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long answered = all.getTotalCount();
        System.out.printf(Locale.ROOT, "asked %.0f/s for %d s on %d connections: %d answered in %.1f s (%.0f/s), failed %d, statuses %s%n",
                rate, seconds, connections, answered, elapsed, answered / elapsed, failed, statuses);
        System.out.printf(Locale.ROOT, "latency from when each request was due: p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  p99.9 %.2f ms  max %.2f ms%n",
                ms(all, 50), ms(all, 90), ms(all, 99), ms(all, 99.9), all.getMaxValue() / 1e6);
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e6;
    }

    /** One keep-alive connection, sending requests c, c + C, c + 2C, … each at its due time. */
    static final class Worker extends Thread {
        final Histogram latency = new Histogram(TimeUnit.SECONDS.toNanos(120), 3);
        final Map<Integer, Long> statuses = new TreeMap<>();
        long failed;
        private final URI uri;
        private final byte[] request;
        private final long start, period, total;
        private final int first, stride;
        private Socket socket;

        Worker(URI uri, byte[] request, long start, long period, int first, int stride, long total) {
            this.uri = uri;
            this.request = request;
            this.start = start;
            this.period = period;
            this.first = first;
            this.stride = stride;
            this.total = total;
            setDaemon(true);
        }

        @Override
        public void run() {
            for (long i = first; i < total; i += stride) {
                long due = start + i * period;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                try {
                    int status = exchange();
                    statuses.merge(status, 1L, Long::sum);
                } catch (IOException e) {
                    failed++;
                    close();
                }
                latency.recordValue(Math.min(latency.getHighestTrackableValue(), Math.max(0, System.nanoTime() - due)));
            }
            close();
        }

        private int exchange() throws IOException {
            if (socket == null) {
                socket = new Socket(uri.getHost(), uri.getPort());
                socket.setTcpNoDelay(true);
                socket.setSoTimeout(30_000);
            }
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            String statusLine = line(in);
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false, closeAfter = false;
            for (String h; !(h = line(in)).isEmpty(); ) {
                String lower = h.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closeAfter = true;
                }
            }
            if (chunked) {
                for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
                    skip(in, size);
                    line(in);
                }
                line(in);
            } else if (length > 0) {
                skip(in, length);
            }
            if (in.available() > 0) {
                throw new IOException("more bytes than the response declared");
            }
            if (closeAfter) {
                close();
            }
            return status;
        }

        private static String line(InputStream in) throws IOException {
            StringBuilder s = new StringBuilder();
            for (int b; (b = in.read()) != '\n'; ) {
                if (b < 0) {
                    throw new IOException("connection closed");
                }
                if (b != '\r') {
                    s.append((char) b);
                }
            }
            return s.toString();
        }

        private static void skip(InputStream in, long n) throws IOException {
            while (n > 0) {
                long k = in.skip(n);
                if (k <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed");
                    }
                    k = 1;
                }
                n -= k;
            }
        }

        private void close() {
            try {
                if (socket != null) {
                    socket.close();
                }
            } catch (IOException ignored) {
                // a broken connection is reopened by the next request
            }
            socket = null;
        }
    }
}
