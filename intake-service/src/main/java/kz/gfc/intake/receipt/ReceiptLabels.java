package kz.gfc.intake.receipt;

import kz.gfc.kit.problem.Text;

/** Every word printed on a receipt, in Kazakh and Russian (R16). */
final class ReceiptLabels {

    static final String HEADING = "Қолхат / Расписка";
    static final Text TITLE_ACCEPTED = Text.of(
            "Құжаттарды қабылдау туралы қолхат", "Расписка о приёме документов");
    static final Text TITLE_REJECTED = Text.of(
            "Құжаттарды қабылдаудан бас тарту туралы қолхат", "Расписка об отказе в приёме документов");
    static final Text NUMBER = Text.of("Қолхат нөмірі", "Номер расписки");
    static final Text SERVICE = Text.of("Мемлекеттік көрсетілетін қызмет", "Государственная услуга");
    static final Text BRANCH = Text.of("ХҚКО бөлімшесі", "Отделение ЦОН");
    static final Text DECIDED_AT = Text.of("Өтініш берілген күні мен уақыты", "Дата и время подачи заявления");
    static final Text OPERATOR = Text.of("Құжаттарды қабылдаған қызметкер", "Документы принял сотрудник");
    static final Text OUTCOME = Text.of("Нәтижесі", "Результат");
    static final Text OUTCOME_ACCEPTED = Text.of("Құжаттар қабылданды", "Документы приняты");
    static final Text OUTCOME_REJECTED = Text.of("Құжаттарды қабылдаудан бас тартылды", "В приёме документов отказано");
    static final Text READY_DATE = Text.of("Дайын болу күні", "Дата готовности");
    static final Text ACCEPTED_DOCUMENTS = Text.of("Қабылданған құжаттар", "Принятые документы");
    static final Text PRESENTED_DOCUMENTS = Text.of("Ұсынылған құжаттар", "Представленные документы");
    static final Text MISSING_DOCUMENTS = Text.of("Жетіспейтін құжаттар", "Недостающие документы");
    static final Text MISSING_FIELDS = Text.of("Толтырылмаған міндетті өрістер", "Не заполнены обязательные поля");
    static final Text FEE_SHORTFALL = Text.of("Төлем жетіспейді", "Недоплата");
    static final Text TENGE = Text.of("теңге", "тенге");
    static final Text REFUSAL = Text.of(
            "«Мемлекеттік көрсетілетін қызметтер туралы» Қазақстан Республикасының Заңына сәйкес құжаттар"
                    + " топтамасы толық ұсынылмағандықтан құжаттарды қабылдаудан бас тартылды. Жетіспейтіндері"
                    + " төменде көрсетілген; оларды ұсынғаннан кейін қайта жүгінуге болады.",
            "В соответствии с Законом Республики Казахстан «О государственных услугах» в приёме документов"
                    + " отказано, так как представлен неполный пакет документов. Недостающее перечислено ниже;"
                    + " после его представления вы можете обратиться повторно.");
    static final Text APPLICATION_ID = Text.of("Өтініш сәйкестендіргіші", "Идентификатор заявления");
    static final Text VERIFY = Text.of(
            "Қолхаттың түпнұсқалығын тексеру үшін QR-кодты сканерлеңіз немесе сілтемені ашыңыз:",
            "Чтобы проверить подлинность расписки, отсканируйте QR-код или откройте ссылку:");
    static final Text FOOTER_ACCEPTED = Text.of(
            "Қолхат электрондық түрде қалыптастырылды. Нәтижені алу үшін жеке басты куәландыратын құжатты"
                    + " және осы қолхатты ұсыныңыз.",
            "Расписка сформирована в электронном виде. Для получения результата предъявите документ,"
                    + " удостоверяющий личность, и эту расписку.");
    static final Text FOOTER_REJECTED = Text.of(
            "Қолхат электрондық түрде қалыптастырылды.", "Расписка сформирована в электронном виде.");
    static final String TIME_ZONE_NOTE = "(UTC+5)";

    private ReceiptLabels() {
    }
}
