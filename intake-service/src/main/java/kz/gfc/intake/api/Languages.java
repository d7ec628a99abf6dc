package kz.gfc.intake.api;

import jakarta.ws.rs.core.HttpHeaders;

import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.Problem;
import kz.gfc.kit.problem.ProblemException;
import kz.gfc.kit.problem.Text;

/** R16: the language of a reply: {@code lang=kk|ru} if given, else Accept-Language, else Russian. */
final class Languages {

    private Languages() {
    }

    static Language of(String lang, HttpHeaders headers) {
        if (lang != null) {
            if (!lang.equals("kk") && !lang.equals("ru")) {
                throw ProblemException.unprocessable("validation", "lang must be kk or ru",
                        Text.of("Тіл kk немесе ru болуы керек", "Язык должен быть kk или ru"),
                        new Problem.FieldError("lang", "kk or ru"));
            }
            return Language.parse(lang);
        }
        return Language.fromAcceptLanguage(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }
}
