package kz.gfc.kit.problem;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.core.Response;

/** Builds problem documents and responses the same way for JAX-RS mappers and the HTTP layer. */
public final class Problems {

    private Problems() {
    }

    public static Problem of(int status, String code, String title, String detail, List<Problem.FieldError> errors,
            Text userMessage, Language language, String instance, String correlationId) {
        return of(status, code, title, detail, errors, userMessage, language, instance, correlationId, null);
    }

    public static Problem of(int status, String code, String title, String detail, List<Problem.FieldError> errors,
            Text userMessage, Language language, String instance, String correlationId, Map<String, Object> extensions) {
        Text message = userMessage != null ? userMessage : Messages.forStatus(status);
        String c = code != null ? code : Messages.codeFor(status);
        return new Problem(Problem.TYPE_BASE + c, title != null ? title : Messages.titleFor(status), status, detail,
                instance, c, errors, message.in(language), correlationId, extensions);
    }

    public static Problem generic(int status, String detail, Language language, String instance, String correlationId) {
        return of(status, null, null, detail, null, null, language, instance, correlationId);
    }

    public static Response response(Problem problem) {
        Response.ResponseBuilder b = Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
        if (problem.status() == 401) {
            b.header("WWW-Authenticate", "Bearer realm=\"gfc\"");
        }
        return b.build();
    }
}
