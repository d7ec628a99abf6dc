package kz.gfc.queue.api;

import java.time.Instant;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
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
import kz.gfc.queue.domain.BoardCall;
import kz.gfc.queue.domain.Catalogue;
import kz.gfc.queue.infra.DisplayBoard;

@Path("/api/v1/branches/{code}/board")
@Tag(name = "board", description = "The hall's display board")
public class BoardResource {

    @Inject
    DisplayBoard board;

    @Inject
    Catalogue catalogue;

    @GET
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(operationId = "board", summary = "Server-sent events: ticket number → window, in kk and ru (public)")
    public Multi<BoardCall> stream(@PathParam("code") String code) {
        catalogue.branch(code);
        // The first event says the board is connected, so a client knows calls from now on reach it.
        BoardCall hello = new BoardCall(code, null, 0, null, null, 0, "Табло қосылды", "Табло подключено", Instant.now());
        return Multi.createBy().merging().streams(board.calls(code), Multi.createFrom().item(hello));
    }
}
