package kz.gfc.kit.testing;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the service logs while open, on the root logger, as text: the message
 * template, each parameter and the whole stack trace with every cause's message, so that it
 * holds whatever a formatter could print (the console pattern prints less).
 */
public final class LogCapture extends Handler implements AutoCloseable {

    private final List<String> lines = new ArrayList<>();

    private LogCapture() {
    }

    public static LogCapture start() {
        LogCapture capture = new LogCapture();
        Logger.getLogger("").addHandler(capture);
        return capture;
    }

    @Override
    public void publish(LogRecord r) {
        StringBuilder line = new StringBuilder().append(r.getLevel()).append(' ').append(r.getLoggerName()).append(' ')
                .append(r.getMessage());
        if (r.getParameters() != null) {
            for (Object p : r.getParameters()) {
                line.append(" | ").append(p);
            }
        }
        if (r.getThrown() != null) {
            StringWriter trace = new StringWriter();
            r.getThrown().printStackTrace(new PrintWriter(trace));
            line.append('\n').append(trace);
        }
        synchronized (lines) {
            lines.add(line.toString());
        }
    }

    public String text() {
        synchronized (lines) {
            return String.join("\n", lines);
        }
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(this);
    }
}
