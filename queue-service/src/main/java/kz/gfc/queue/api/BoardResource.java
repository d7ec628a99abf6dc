package kz.gfc.queue.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import kz.gfc.queue.infra.DisplayBoard;
import kz.gfc.queue.domain.branch.Branches;
import kz.gfc.queue.domain.window.BoardCall;

@Path("/api/v1/branches/{code}/board")
@Tag(name = "board", description = "The hall's display board")
public class BoardResource {

    /** How many recent calls a connecting screen gets, and from how far back. */
    private static final int REPLAYED = 10;
    private static final Duration REPLAY_SPAN = Duration.ofHours(4);

    private final DisplayBoard board;
    private final Branches branches;
    private final Clock clock;

    public BoardResource(DisplayBoard board, Branches branches, Clock clock) {
        this.board = board;
        this.branches = branches;
        this.clock = clock;
    }

    @GET
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "board", summary = "Server-sent events: ticket number → window, in kk and ru (public)")
    public Multi<BoardCall> stream(@PathParam("code") String code) {
        branches.branch(code);
        // The first event says the board is connected, so a client knows calls from now on reach it;
        // then the last calls of the past hours (marked replay: shown, not read aloud again). A call
        // made while the screen connects may arrive twice, which a board shows harmlessly.
        Instant now = clock.instant();
        List<BoardCall> first = new ArrayList<>();
        first.add(new BoardCall(code, null, 0, null, null, 0, "Табло қосылды", "Табло подключено", now, false));
        first.addAll(board.recent(code, REPLAYED, now.minus(REPLAY_SPAN)));
        return Multi.createBy().merging().streams(board.calls(code), Multi.createFrom().iterable(first));
    }
}
