package kz.gfc.queue.api;

import java.time.Instant;
import java.util.UUID;

import kz.gfc.kit.problem.Language;
import kz.gfc.kit.problem.Text;
import kz.gfc.queue.domain.ticket.PriorityStatus;
import kz.gfc.queue.domain.ticket.Ticket;
import kz.gfc.queue.domain.ticket.TicketState;
import kz.gfc.queue.domain.ticket.TicketStatus;
import kz.gfc.queue.domain.ticket.WaitEstimate;
import kz.gfc.queue.domain.window.ServiceWindow;

/**
 * The digital ticket (R12) as its holder sees it, in the ticket's language (R16): names of
 * branch and category, place in line and a wait band, the window and its nameplate (R6)
 * once called, and one plain sentence for screen readers and large-print display.
 */
public record TicketView(UUID id, String number, TicketStatus status, String branchCode, String branchName,
        String categoryCode, String categoryName, Ticket.Channel channel, String language, String priorityReason,
        PriorityStatus priorityStatus,
        Integer position, Integer peopleAhead, WaitBand estimatedWait, WindowPlate window, String roomReference,
        int postponesLeft, UUID bookingId, Ticket.Source source, Instant issuedAt, Instant calledAt, String applicationId,
        String text) {

    public record WaitBand(int fromMinutes, int toMinutes, WaitEstimate.Basis basis) {
    }

    /** R6: the workplace and who works there. */
    public record WindowPlate(long id, int number, String operatorName, String operatorPosition) {

        static WindowPlate of(ServiceWindow w) {
            return w == null ? null : new WindowPlate(w.id, w.number, w.operatorName, w.operatorPosition);
        }
    }

    public static TicketView of(TicketState s) {
        Ticket t = s.ticket();
        Language lang = Language.parse(t.language);
        WaitBand band = s.estimate() == null ? null
                : new WaitBand(s.estimate().fromMinutes(), s.estimate().toMinutes(), s.estimate().basis());
        boolean active = t.status == TicketStatus.CALLED || t.status == TicketStatus.IN_SERVICE;
        return new TicketView(t.id, t.number, t.status, t.branchCode, s.branch().name().in(lang), t.categoryCode,
                s.category().name().in(lang), t.channel, t.language,
                t.priorityReason == null ? null : t.priorityReason.name(), t.priorityStatus, s.position(),
                s.position() == null ? null : s.position() - 1, band, WindowPlate.of(s.window()),
                active ? t.roomReference : null, s.postponesLeft(), t.bookingId, t.source, t.issuedAt, t.calledAt,
                t.applicationId, text(s, band).in(lang));
    }

    static Text text(TicketState s, WaitBand band) {
        Ticket t = s.ticket();
        String n = t.number;
        ServiceWindow w = s.window();
        return switch (t.status) {
            case WAITING -> Text.of(
                    n + " талоны, " + s.category().nameKk + ". Алдыңызда " + (s.position() - 1) + " адам. Күту уақыты: "
                            + band.fromMinutes() + "–" + band.toMinutes() + " мин.",
                    "Талон " + n + ", " + s.category().nameRu + ". Перед вами " + (s.position() - 1)
                            + " чел. Ожидание: " + band.fromMinutes() + "–" + band.toMinutes() + " мин.");
            case CALLED -> t.roomReference != null
                    ? Text.of(n + " талоны: бейнеқоңырауға қосылыңыз. Сізге " + plate(w) + " қызмет көрсетеді.",
                            "Талон " + n + ": подключитесь к видеозвонку. Вас обслужит " + plate(w) + ".")
                    : Text.of(n + " талоны: " + w.number + "-терезеге келіңіз. Сізге " + plate(w) + " қызмет көрсетеді.",
                            "Талон " + n + ": подойдите к окну " + w.number + ". Вас обслужит " + plate(w) + ".");
            case IN_SERVICE -> Text.of(n + " талоны: " + w.number + "-терезеде қызмет көрсетілуде.",
                    "Талон " + n + ": вас обслуживают в окне " + w.number + ".");
            case COMPLETED -> Text.of(n + " талоны: қызмет көрсету аяқталды.", "Талон " + n + ": обслуживание завершено.");
            case NO_SHOW -> Text.of(n + " талоны: шақыру бойынша келмедіңіз.", "Талон " + n + ": вы не подошли по вызову.");
            case CANCELLED -> Text.of(n + " талоны жойылды.", "Талон " + n + " отменён.");
            case EXPIRED -> Text.of(n + " талонының мерзімі өтті: қызмет көрсету күні аяқталды.",
                    "Срок талона " + n + " истёк: день обслуживания закончился.");
        };
    }

    private static String plate(ServiceWindow w) {
        if (w == null || w.operatorName == null) {
            return "—";
        }
        return w.operatorPosition == null ? w.operatorName : w.operatorName + ", " + w.operatorPosition;
    }
}
