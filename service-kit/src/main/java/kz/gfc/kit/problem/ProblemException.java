package kz.gfc.kit.problem;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A refusal the client can act on. Thrown from domain and service code; rendered as
 * problem+json by {@link ProblemMappers}. Nothing is changed when it is thrown inside a
 * transaction, since it rolls back (it is a RuntimeException).
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String code;
    private final String title;
    private final transient List<Problem.FieldError> errors;
    private final transient Text userMessage;
    private final transient Map<String, Object> extensions = new LinkedHashMap<>();
    private final transient Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String code, String title, String detail, Text userMessage,
            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.title = title;
        this.userMessage = userMessage;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist",
                Text.of("Сұралған жазба табылмады", "Запрошенная запись не найдена"), null);
    }

    public static ProblemException conflict(String code, String detail, Text userMessage) {
        return new ProblemException(409, code, "Conflict", detail, userMessage, null);
    }

    public static ProblemException unprocessable(String code, String detail, Text userMessage,
            Problem.FieldError... errors) {
        return new ProblemException(422, code, "Unprocessable request", detail, userMessage, List.of(errors));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, Messages.FORBIDDEN, null);
    }

    /** Adds a machine-readable member to the problem document (RFC 9457 extension), e.g. when a branch opens. */
    public ProblemException with(String member, Object value) {
        extensions.put(member, value);
        return this;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    /** Adds an HTTP header to the problem response, e.g. {@code Retry-After} on a 409 or 503. */
    public ProblemException withHeader(String name, Object value) {
        headers.put(name, String.valueOf(value));
        return this;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }

    public Text userMessage() {
        return userMessage;
    }
}
