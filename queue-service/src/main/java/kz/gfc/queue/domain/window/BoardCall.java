package kz.gfc.queue.domain.window;

import java.time.Instant;
import kz.gfc.queue.domain.ticket.Ticket;

/**
 * One line on a branch's display board: ticket number to window, with the R6 nameplate and
 * the text in both languages of service (R16), ready to show and to read aloud.
 */
public record BoardCall(String branchCode, String ticketNumber, int windowNumber, String operatorName,
        String operatorPosition, int recall, String textKk, String textRu, Instant calledAt, boolean replay) {

    public static BoardCall of(Ticket t, ServiceWindow w, Instant at) {
        return new BoardCall(t.branchCode, t.number, w.number, w.operatorName, w.operatorPosition, t.recalls,
                t.number + " талоны — " + w.number + "-терезе",
                "Талон " + t.number + " — окно " + w.number, at, false);
    }

    /** The same call sent again to a screen that just connected: shown, not announced aloud again. */
    public BoardCall replayed() {
        return new BoardCall(branchCode, ticketNumber, windowNumber, operatorName, operatorPosition, recall, textKk,
                textRu, calledAt, true);
    }
}
