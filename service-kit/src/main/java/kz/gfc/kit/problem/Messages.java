package kz.gfc.kit.problem;

/** The generic user messages of the error responses, in Kazakh and Russian (R16). */
public final class Messages {

    public static final Text BAD_REQUEST = Text.of(
            "Сұрау қате толтырылған", "Запрос заполнен неверно");
    public static final Text MALFORMED_JSON = Text.of(
            "Сұрау денесі жарамды JSON емес", "Тело запроса не является корректным JSON");
    public static final Text VALIDATION = Text.of(
            "Кейбір өрістер дұрыс толтырылмаған", "Некоторые поля заполнены неверно");
    public static final Text UNAUTHORIZED = Text.of(
            "Жүйеге кіру қажет", "Требуется вход в систему");
    public static final Text FORBIDDEN = Text.of(
            "Бұл әрекетке құқығыңыз жоқ", "У вас нет прав на это действие");
    public static final Text NOT_FOUND = Text.of(
            "Сұралған ресурс табылмады", "Запрошенный ресурс не найден");
    public static final Text METHOD_NOT_ALLOWED = Text.of(
            "Бұл әдіске рұқсат етілмеген", "Этот метод не разрешён");
    public static final Text UNSUPPORTED_MEDIA_TYPE = Text.of(
            "Деректер пішімі қолдау көрсетілмейді", "Формат данных не поддерживается");
    public static final Text NOT_ACCEPTABLE = Text.of(
            "Сұралған жауап пішімі қолдау көрсетілмейді", "Запрошенный формат ответа не поддерживается");
    public static final Text CONFLICT = Text.of(
            "Әрекетті қазір орындау мүмкін емес", "Действие сейчас невозможно");
    /** A unique key or a version check refused the write: someone else got there first. */
    public static final Text DATA_CONFLICT = Text.of(
            "Деректер бұрыннан бар немесе оларды басқа сұрау өзгертті. Деректерді жаңартып, қайталаңыз",
            "Такие данные уже есть или их изменил другой запрос. Обновите данные и повторите");
    public static final Text PAYLOAD_TOO_LARGE = Text.of(
            "Сұрау тым үлкен", "Запрос слишком большой");
    public static final Text SERVICE_UNAVAILABLE = Text.of(
            "Қызмет уақытша қолжетімсіз. Кейінірек қайталаңыз", "Сервис временно недоступен. Повторите позже");
    public static final Text INTERNAL = Text.of(
            "Ішкі қате. Кейінірек қайталаңыз", "Внутренняя ошибка. Повторите позже");

    private Messages() {
    }

    static Text forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> VALIDATION;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : BAD_REQUEST;
        };
    }

    static String titleFor(int status) {
        return switch (status) {
            case 400 -> "Bad request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not found";
            case 405 -> "Method not allowed";
            case 406 -> "Not acceptable";
            case 409 -> "Conflict";
            case 413 -> "Content too large";
            case 415 -> "Unsupported media type";
            case 422 -> "Unprocessable request";
            case 429 -> "Too many requests";
            case 503 -> "Service unavailable";
            default -> status >= 500 ? "Internal error" : "Request refused";
        };
    }

    static String codeFor(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            case 422 -> "unprocessable";
            case 503 -> "service-unavailable";
            default -> status >= 500 ? "internal" : "request-refused";
        };
    }
}
